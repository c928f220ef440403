#pragma once

#include <adwaita.h>

#include "cb-disclosure.h"
#include "cb-evaluation.h"

G_BEGIN_DECLS

#define CB_TYPE_SEAL_HEADER (cb_seal_header_get_type ())

G_DECLARE_FINAL_TYPE (CbSealHeader, cb_seal_header, CB, SEAL_HEADER, GtkWidget)

/* The head of something that is sealed with a SHA-256 once signed or approved: its title, who
 * and what it is about, its status, the hash (with a button to copy it) and a note on what can
 * still change. The "seal-title" property names the group ("Signature", "Approval"). */

/* Heads the header with @evaluation: the hash sealed at signing, or before that @hash, what its
 * content hashes to now. @subtitle says who evaluates and what. */
void cb_seal_header_show_evaluation (CbSealHeader              *self,
                                     const CbEvaluation        *evaluation,
                                     const char                *subtitle,
                                     const char                *hash);
/* Heads the header with @version of @disclosure and the hash of its approved text, if any. */
void cb_seal_header_show_disclosure (CbSealHeader              *self,
                                     const CbDisclosure        *disclosure,
                                     const CbDisclosureVersion *version,
                                     const char                *subtitle);
void cb_seal_header_set_note        (CbSealHeader              *self,
                                     const char                *note);

G_END_DECLS
