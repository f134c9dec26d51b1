#ifndef BCSH_CLIBSECRET_SHIM_H
#define BCSH_CLIBSECRET_SHIM_H
#include <libsecret/secret.h>

/*
 * Fixed-argument helpers around libsecret's Secret Service calls, so that Swift never builds a
 * GHashTable or walks a GList itself. The Swift type SecretServiceStore is their only caller.
 */

/** The schema of bcsh's items. Its name is stored with each item; lookups match attributes only. */
static inline const SecretSchema *bcsh_secret_schema(void) {
  static const SecretSchema schema = {
    "dev.bcsh.Credential",
    SECRET_SCHEMA_DONT_MATCH_NAME,
    {
      {"application", SECRET_SCHEMA_ATTRIBUTE_STRING},
      {"session", SECRET_SCHEMA_ATTRIBUTE_STRING},
      {"token", SECRET_SCHEMA_ATTRIBUTE_STRING},
      {"field", SECRET_SCHEMA_ATTRIBUTE_STRING},
      {"store", SECRET_SCHEMA_ATTRIBUTE_STRING},
      {"account", SECRET_SCHEMA_ATTRIBUTE_STRING},
      {NULL, 0},
    },
  };
  return &schema;
}

/** A new attribute table holding copies of `count` keys and values. */
static inline GHashTable *bcsh_secret_attributes(const char *const *keys, const char *const *values, int count) {
  GHashTable *table = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
  for (int i = 0; i < count; i++) g_hash_table_insert(table, g_strdup(keys[i]), g_strdup(values[i]));
  return table;
}

/** Stores `password` in the default collection (the login keyring); FALSE with *error set on failure. */
static inline gboolean bcsh_secret_store(GHashTable *attributes, const char *label, const char *password,
                                         GError **error) {
  return secret_password_storev_sync(bcsh_secret_schema(), attributes, SECRET_COLLECTION_DEFAULT, label,
                                     password, NULL, error);
}

/** The password of the item with these attributes (free it with secret_password_free), or NULL. */
static inline gchar *bcsh_secret_lookup(GHashTable *attributes, GError **error) {
  return secret_password_lookupv_sync(bcsh_secret_schema(), attributes, NULL, error);
}

/** Removes every item with these attributes. */
static inline gboolean bcsh_secret_clear(GHashTable *attributes, GError **error) {
  return secret_password_clearv_sync(bcsh_secret_schema(), attributes, NULL, error);
}

/** Every item with these attributes, locked or not (free with bcsh_secret_items_free). */
static inline GList *bcsh_secret_search(GHashTable *attributes, GError **error) {
  return secret_password_searchv_sync(bcsh_secret_schema(), attributes, SECRET_SEARCH_ALL, NULL, error);
}

static inline int bcsh_secret_items_count(GList *items) { return (int)g_list_length(items); }

/** A copy of one attribute of the item at `index` (free with g_free), or NULL. */
static inline char *bcsh_secret_item_attribute(GList *items, int index, const char *key) {
  SecretRetrievable *item = g_list_nth_data(items, (guint)index);
  if (item == NULL) return NULL;
  GHashTable *attributes = secret_retrievable_get_attributes(item);
  const char *value = attributes ? g_hash_table_lookup(attributes, key) : NULL;
  char *copy = value ? g_strdup(value) : NULL;
  if (attributes) g_hash_table_unref(attributes);
  return copy;
}

static inline void bcsh_secret_items_free(GList *items) { g_list_free_full(items, g_object_unref); }
#endif
