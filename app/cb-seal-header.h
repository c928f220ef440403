#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CB_TYPE_SEAL_HEADER (cb_seal_header_get_type ())

G_DECLARE_FINAL_TYPE (CbSealHeader, cb_seal_header, CB, SEAL_HEADER, GtkWidget)

/* The head of something that is sealed with a SHA-256 once signed or approved: its title, who
 * and what it is about, its status, the hash (with a button to copy it) and a note on what can
 * still change. The "seal-title" property names the group ("Signature", "Approval"). */

void cb_seal_header_set_title    (CbSealHeader *self,
                                  const char   *title,
                                  const char   *subtitle);
void cb_seal_header_set_status   (CbSealHeader *self,
                                  const char   *status);
/* @hash_title says whether the hash is sealed or only what the content hashes to now. */
void cb_seal_header_set_hash     (CbSealHeader *self,
                                  const char   *hash_title,
                                  const char   *hash);
void cb_seal_header_set_note     (CbSealHeader *self,
                                  const char   *note);

G_END_DECLS
