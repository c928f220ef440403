#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CB_TYPE_AUDIT_PAGE (cb_audit_page_get_type ())

G_DECLARE_FINAL_TYPE (CbAuditPage, cb_audit_page, CB, AUDIT_PAGE, GtkWidget)

G_END_DECLS
