#include "clibsecret.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The few GLib and libsecret types bcsh touches, as their public headers define them. */
typedef struct _GHashTable GHashTable;
typedef struct _GList {
  void *data;
  struct _GList *next;
  struct _GList *prev;
} GList;
typedef struct _SecretSchema SecretSchema;
typedef struct {
  uint32_t domain;
  int code;
  char *message;
} GError;
typedef unsigned int (*GHashFunc)(const void *);
typedef int (*GEqualFunc)(const void *, const void *);
typedef void (*GDestroyNotify)(void *);

enum { SECRET_SCHEMA_DONT_MATCH_NAME = 1 << 1, SECRET_SCHEMA_ATTRIBUTE_STRING = 0, SECRET_SEARCH_ALL = 1 << 1 };

static struct {
  GHashTable *(*hash_table_new_full)(GHashFunc, GEqualFunc, GDestroyNotify, GDestroyNotify);
  void (*hash_table_insert)(GHashTable *, void *, void *);
  void *(*hash_table_lookup)(GHashTable *, const void *);
  void (*hash_table_unref)(GHashTable *);
  GHashFunc str_hash;
  GEqualFunc str_equal;
  void (*free)(void *);
  char *(*strdup)(const char *);
  void (*list_free_full)(GList *, GDestroyNotify);
  void (*object_unref)(void *);
  void (*error_free)(GError *);
  SecretSchema *(*schema_newv)(const char *, int, GHashTable *);
  int (*storev_sync)(const SecretSchema *, GHashTable *, const char *, const char *, const char *, void *,
                     GError **);
  char *(*lookupv_sync)(const SecretSchema *, GHashTable *, void *, GError **);
  int (*clearv_sync)(const SecretSchema *, GHashTable *, void *, GError **);
  GList *(*searchv_sync)(const SecretSchema *, GHashTable *, int, void *, GError **);
  void (*password_free)(char *);
  GHashTable *(*retrievable_get_attributes)(void *);
} api;

static SecretSchema *schema;
/* The schema's attribute names, kept for listing what a search found. */
enum { MAXIMUM_ATTRIBUTES = 32 };
static char *names[MAXIMUM_ATTRIBUTES];
static int name_count;
static const char *open_error;
static pthread_mutex_t loading = PTHREAD_MUTEX_INITIALIZER;
static int loaded;

static char missing_symbol[160];

static void *resolve(void *library, const char *name) {
  void *symbol = library ? dlsym(library, name) : NULL;
  if (symbol == NULL && open_error == NULL) {
    snprintf(missing_symbol, sizeof missing_symbol, "the installed libsecret or GLib has no %s", name);
    open_error = missing_symbol;
  }
  return symbol;
}

/* Loads the libraries and makes the schema of bcsh's items from the attribute names the caller
 * gives (KeyringSchema.attributeNames: declared once, on the Swift side). */
static void load(const char *const *given, int count) {
  void *glib = dlopen("libglib-2.0.so.0", RTLD_NOW | RTLD_LOCAL);
  void *gobject = dlopen("libgobject-2.0.so.0", RTLD_NOW | RTLD_LOCAL);
  void *secret = dlopen("libsecret-1.so.0", RTLD_NOW | RTLD_LOCAL);
  if (glib == NULL || gobject == NULL || secret == NULL) {
    open_error = "libsecret is not installed (on Debian and Ubuntu: apt-get install libsecret-1-0)";
    return;
  }
  *(void **)&api.hash_table_new_full = resolve(glib, "g_hash_table_new_full");
  *(void **)&api.hash_table_insert = resolve(glib, "g_hash_table_insert");
  *(void **)&api.hash_table_lookup = resolve(glib, "g_hash_table_lookup");
  *(void **)&api.hash_table_unref = resolve(glib, "g_hash_table_unref");
  *(void **)&api.str_hash = resolve(glib, "g_str_hash");
  *(void **)&api.str_equal = resolve(glib, "g_str_equal");
  *(void **)&api.free = resolve(glib, "g_free");
  *(void **)&api.strdup = resolve(glib, "g_strdup");
  *(void **)&api.list_free_full = resolve(glib, "g_list_free_full");
  *(void **)&api.error_free = resolve(glib, "g_error_free");
  *(void **)&api.object_unref = resolve(gobject, "g_object_unref");
  *(void **)&api.schema_newv = resolve(secret, "secret_schema_newv");
  *(void **)&api.storev_sync = resolve(secret, "secret_password_storev_sync");
  *(void **)&api.lookupv_sync = resolve(secret, "secret_password_lookupv_sync");
  *(void **)&api.clearv_sync = resolve(secret, "secret_password_clearv_sync");
  *(void **)&api.searchv_sync = resolve(secret, "secret_password_searchv_sync");
  *(void **)&api.password_free = resolve(secret, "secret_password_free");
  *(void **)&api.retrievable_get_attributes = resolve(secret, "secret_retrievable_get_attributes");
  if (open_error != NULL) return;
  /* The schema of bcsh's items; lookups match attributes, not the schema name. */
  GHashTable *types = api.hash_table_new_full(api.str_hash, api.str_equal, NULL, NULL);
  for (int i = 0; i < count && i < MAXIMUM_ATTRIBUTES; i++) {
    names[name_count++] = strdup(given[i]);
    api.hash_table_insert(types, names[i], (void *)(intptr_t)SECRET_SCHEMA_ATTRIBUTE_STRING);
  }
  schema = api.schema_newv("dev.bcsh.Credential", SECRET_SCHEMA_DONT_MATCH_NAME, types);
  api.hash_table_unref(types);
}

int bcsh_secret_open(const char *const *names, int count, const char **error) {
  pthread_mutex_lock(&loading);
  if (!loaded) {
    load(names, count);
    loaded = 1;
  }
  pthread_mutex_unlock(&loading);
  if (open_error != NULL || schema == NULL) {
    *error = open_error ? open_error : "libsecret could not make bcsh's schema";
    return -1;
  }
  return 0;
}

static GHashTable *attributes(const char *const *keys, const char *const *values, int count) {
  GHashTable *table = api.hash_table_new_full(api.str_hash, api.str_equal, api.free, api.free);
  for (int i = 0; i < count; i++) api.hash_table_insert(table, api.strdup(keys[i]), api.strdup(values[i]));
  return table;
}

/* 0, or -1 with a copy of the error's message in *message. */
static int outcome(GError *error, char **message) {
  if (error == NULL) return 0;
  *message = strdup(error->message ? error->message : "unknown error");
  api.error_free(error);
  return -1;
}

int bcsh_secret_store(const char *const *keys, const char *const *values, int count, const char *label,
                      const char *password, char **message) {
  GError *error = NULL;
  GHashTable *table = attributes(keys, values, count);
  api.storev_sync(schema, table, "default", label, password, NULL, &error);
  api.hash_table_unref(table);
  return outcome(error, message);
}

int bcsh_secret_lookup(const char *const *keys, const char *const *values, int count, char **password,
                       char **message) {
  GError *error = NULL;
  GHashTable *table = attributes(keys, values, count);
  char *found = api.lookupv_sync(schema, table, NULL, &error);
  api.hash_table_unref(table);
  *password = found ? strdup(found) : NULL;
  if (found) api.password_free(found);
  return outcome(error, message);
}

int bcsh_secret_clear(const char *const *keys, const char *const *values, int count, char **message) {
  GError *error = NULL;
  GHashTable *table = attributes(keys, values, count);
  api.clearv_sync(schema, table, NULL, &error);
  api.hash_table_unref(table);
  return outcome(error, message);
}

int bcsh_secret_search(const char *const *keys, const char *const *values, int count, char **items,
                       char **message) {
  GError *error = NULL;
  GHashTable *table = attributes(keys, values, count);
  GList *list = api.searchv_sync(schema, table, SECRET_SEARCH_ALL, NULL, &error);
  api.hash_table_unref(table);
  if (error != NULL) return outcome(error, message);
  size_t size = 1, used = 0;
  char *text = malloc(size);
  if (text == NULL) {
    if (list) api.list_free_full(list, api.object_unref);
    *message = strdup("out of memory");
    return -1;
  }
  text[0] = '\0';
  for (GList *node = list; node != NULL; node = node->next) {
    GHashTable *found = api.retrievable_get_attributes(node->data);
    for (int i = 0; found && i < name_count; i++) {
      const char *value = api.hash_table_lookup(found, names[i]);
      if (value == NULL) continue;
      size_t needed = strlen(names[i]) + strlen(value) + 2;
      char *grown = realloc(text, size + needed);
      if (grown == NULL) break;
      text = grown;
      size += needed;
      used += (size_t)snprintf(text + used, size - used, "%s=%s\n", names[i], value);
    }
    if (found) api.hash_table_unref(found);
    char *grown = realloc(text, size + 1);
    if (grown == NULL) break;
    text = grown;
    size += 1;
    used += (size_t)snprintf(text + used, size - used, "\n");
  }
  if (list) api.list_free_full(list, api.object_unref);
  *items = text;
  return 0;
}

void bcsh_secret_free(char *text) {
  /* Secrets pass through here too: leave no copy in freed memory. */
  if (text != NULL) explicit_bzero(text, strlen(text));
  free(text);
}
