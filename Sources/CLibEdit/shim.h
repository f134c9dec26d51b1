#ifndef BCSH_CLIBEDIT_SHIM_H
#define BCSH_CLIBEDIT_SHIM_H
#include <stdio.h>
#include <histedit.h>

/*
 * Fixed-argument wrappers for libedit's variadic el_set, el_get and history(), which Swift cannot
 * call. Each wrapper does one thing; the Swift type LineEditor is their only caller.
 */

/** A prompt function: returns the prompt text for the line being edited. */
typedef char *(*bcsh_el_prompt_fn)(EditLine *);
/** An editor command bound to a key; returns one of the CC_* codes. */
typedef unsigned char (*bcsh_el_command_fn)(EditLine *, int);

static inline int bcsh_el_set_prompt(EditLine *el, bcsh_el_prompt_fn prompt) {
  return el_set(el, EL_PROMPT, prompt);
}

static inline int bcsh_el_set_editor(EditLine *el, const char *mode) {
  return el_set(el, EL_EDITOR, mode);
}

/**
 * Puts the terminal in libedit's raw mode (1) or back in the mode it found (0). bcsh handles the
 * terminal's signals itself (EL_SIGNAL stays off: libedit's handlers would run on any thread).
 */
static inline int bcsh_el_prep_term(EditLine *el, int raw) {
  return el_set(el, EL_PREP_TERM, raw);
}

/** Reads one character into *c: returns 1, 0 at end of input, or -1 with errno set. */
typedef int (*bcsh_el_read_fn)(EditLine *, wchar_t *);

/** Replaces libedit's terminal read. */
static inline int bcsh_el_set_read_function(EditLine *el, bcsh_el_read_fn read) {
  return el_set(el, EL_GETCFN, read);
}

static inline int bcsh_el_set_history(EditLine *el, History *hist) {
  return el_set(el, EL_HIST, history, hist);
}

static inline int bcsh_el_set_clientdata(EditLine *el, void *data) {
  return el_set(el, EL_CLIENTDATA, data);
}

static inline void *bcsh_el_get_clientdata(EditLine *el) {
  void *data = NULL;
  if (el_get(el, EL_CLIENTDATA, &data) != 0) return NULL;
  return data;
}

static inline int bcsh_el_add_function(
    EditLine *el, const char *name, const char *help, bcsh_el_command_fn function) {
  return el_set(el, EL_ADDFN, name, help, function);
}

static inline int bcsh_el_bind(EditLine *el, const char *key, const char *command) {
  return el_set(el, EL_BIND, key, command, NULL);
}

/** Draws the prompt and the line again. */
static inline int bcsh_el_refresh(EditLine *el) {
  return el_set(el, EL_REFRESH);
}

/** The terminal's width in columns as libedit last measured it; 80 when it cannot tell. */
static inline int bcsh_el_columns(EditLine *el) {
  int columns = 0;
  if (el_get(el, EL_GETTC, "co", &columns, NULL) != 0 || columns <= 0) return 80;
  return columns;
}

static inline int bcsh_history_set_size(History *hist, int size) {
  HistEvent event;
  return history(hist, &event, H_SETSIZE, size);
}

static inline int bcsh_history_set_unique(History *hist, int unique) {
  HistEvent event;
  return history(hist, &event, H_SETUNIQUE, unique);
}

static inline int bcsh_history_enter(History *hist, const char *line) {
  HistEvent event;
  return history(hist, &event, H_ENTER, line);
}

/** Loads a history file; returns the number of entries read, or -1. */
static inline int bcsh_history_clear(History *hist) {
  HistEvent event;
  return history(hist, &event, H_CLEAR);
}

static inline int bcsh_history_load(History *hist, const char *path) {
  HistEvent event;
  return history(hist, &event, H_LOAD, path);
}

/** Writes every entry to an open file; returns the number written, or -1. */
static inline int bcsh_history_save_file(History *hist, FILE *file) {
  HistEvent event;
  return history(hist, &event, H_SAVE_FP, file);
}

/** Moves to the oldest entry; its text in *line. Returns 0, or -1 when the history is empty. */
static inline int bcsh_history_oldest(History *hist, const char **line) {
  HistEvent event;
  int result = history(hist, &event, H_LAST);
  *line = result == 0 ? event.str : NULL;
  return result;
}

/** Moves one entry towards the newest; its text in *line. Returns 0, or -1 past the newest. */
static inline int bcsh_history_newer(History *hist, const char **line) {
  HistEvent event;
  int result = history(hist, &event, H_PREV);
  *line = result == 0 ? event.str : NULL;
  return result;
}

#endif
