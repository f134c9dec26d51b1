#ifndef BCSH_CLIBSECRET_H
#define BCSH_CLIBSECRET_H

/*
 * bcsh's door to libsecret (the Secret Service client), opened only when a command needs the
 * keyring. libsecret pulls in GLib, GObject and GIO: linked at start-up they would cost every run
 * of bcsh several milliseconds of dynamic loading, so they are loaded with dlopen on first use.
 * Every function takes and returns plain C types; the Swift type SecretServiceStore is the only
 * caller.
 */

/** Loads libsecret and makes the schema of bcsh's items, whose attributes are names[0..<count] (the
 * first call's names count); returns 0, or -1 with a static message in *error. Safe to call again. */
int bcsh_secret_open(const char *const *names, int count, const char **error);

/** The outcome of one call: 0 on success, or -1 with *message (free with bcsh_secret_free). */
int bcsh_secret_store(const char *const *keys, const char *const *values, int count, const char *label,
                      const char *password, char **message);

/** The secret of the matching item in *password (NULL when there is none; free with
 * bcsh_secret_free). */
int bcsh_secret_lookup(const char *const *keys, const char *const *values, int count, char **password,
                       char **message);

/** Removes every matching item. */
int bcsh_secret_clear(const char *const *keys, const char *const *values, int count, char **message);

/** Matching items, locked or not: *items holds their attributes as "key=value" lines, one item per
 * block, blocks separated by an empty line (free with bcsh_secret_free). */
int bcsh_secret_search(const char *const *keys, const char *const *values, int count, char **items,
                       char **message);

/** Frees what the functions above returned. */
void bcsh_secret_free(char *text);

#endif
