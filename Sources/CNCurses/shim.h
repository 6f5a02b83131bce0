// The only C that Rollcall sees of ncursesw.
//
// SwiftPM drops pkg-config's -D flags, so the wide-character API (wget_wch, wadd_wch,
// cchar_t) must be switched on here, before the header is read. Swift 6 cannot use the
// C globals stdscr, LINES and COLS, nor macros such as COLOR_PAIR or A_BOLD, so each is
// wrapped in a static inline function.
#ifndef ROLLCALL_CNCURSES_SHIM_H
#define ROLLCALL_CNCURSES_SHIM_H

#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// From term.h, which is not included: its macros (lines, columns...) would clash.
extern char *tigetstr(const char *);

/// Whether the terminal can put the cursor anywhere (terminfo `cup`): without it (TERM=dumb)
/// no screen can be drawn, so no register can be shown.
static inline int rc_can_address_cursor(void) {
    char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}

static inline WINDOW *rc_stdscr(void) { return stdscr; }
static inline int rc_lines(void) { return LINES; }
static inline int rc_cols(void) { return COLS; }
static inline int rc_colors(void) { return COLORS; }
static inline attr_t rc_a_bold(void) { return A_BOLD; }
static inline attr_t rc_a_reverse(void) { return A_REVERSE; }
static inline attr_t rc_a_underline(void) { return A_UNDERLINE; }
static inline attr_t rc_a_dim(void) { return A_DIM; }
static inline attr_t rc_a_normal(void) { return A_NORMAL; }
static inline int rc_key_code_yes(void) { return KEY_CODE_YES; }
static inline FILE *rc_stdout(void) { return stdout; }
static inline FILE *rc_stdin(void) { return stdin; }
static inline mmask_t rc_button1_clicked(void) { return BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED; }
static inline int rc_key_mouse(void) { return KEY_MOUSE; }
static inline int rc_key_resize(void) { return KEY_RESIZE; }

#endif
