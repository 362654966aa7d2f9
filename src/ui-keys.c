/*
 * ui-keys.c — the one table of keys.  Each named action has its keys, the
 * name shown for them, a short word for the bottom line and a sentence for
 * the help overlay; all three places read it from here.
 */
#include <curses.h>
#include <stdio.h>

#include "i18n.h"
#include "ui.h"

#include <wctype.h>

#define K(c)	{ KIND_CODE, (c) }	/* a curses KEY_* code */
#define C(c)	{ KIND_CHAR, (c) }	/* a character */
#define CLASS(c) { KIND_CLASS, (c) }	/* any character of a class */
#define CTRL(c)	((c) & 0x1f)

enum key_kind { KIND_CHAR, KIND_CODE, KIND_CLASS };
enum key_class { CLASS_DIGIT, CLASS_ALNUM };

struct key {
	enum key_kind	kind;
	int		code;
};

struct keydef {
	enum ui_action	 action;
	struct key	 keys[4];
	int		 nkeys;
	const char	*label;
	const char	*word;
	const char	*help;
};

const enum ui_action ui_edit_actions[] = {
	ACT_EDIT_LEFT, ACT_EDIT_RIGHT, ACT_EDIT_HOME, ACT_EDIT_END,
	ACT_EDIT_BACKSPACE, ACT_EDIT_DELETE, ACT_EDIT_KILL_END,
	ACT_EDIT_KILL_START, ACT_EDIT_KILL_WORD, ACT_NONE
};

static const struct keydef keydefs[] = {
	{ ACT_QUIT, { C('q') }, 1, "q", N_("Quit"),
	    N_("Leave velkomst (from the home screen).") },
	{ ACT_BACK, { C(27) }, 1, "Esc", N_("Back"),
	    N_("Go back to the screen before; nothing saved is lost.") },
	{ ACT_HELP, { K(KEY_F(1)), C('?') }, 2, "F1", N_("Help"),
	    N_("Show this help: what the keys of this screen do (also ?, "
	    "where you are not typing).") },
	{ ACT_UP, { K(KEY_UP), C('k') }, 2, "\xe2\x86\x91", N_("Up"),
	    N_("Move up one line (also k).") },
	{ ACT_DOWN, { K(KEY_DOWN), C('j') }, 2, "\xe2\x86\x93", N_("Down"),
	    N_("Move down one line (also j).") },
	{ ACT_PGUP, { K(KEY_PPAGE) }, 1, "PgUp", N_("Page up"),
	    N_("Move up one page.") },
	{ ACT_PGDN, { K(KEY_NPAGE) }, 1, "PgDn", N_("Page down"),
	    N_("Move down one page.") },
	{ ACT_FIRST, { K(KEY_HOME), C('g') }, 2, "Home", N_("First"),
	    N_("Go to the first line (also g).") },
	{ ACT_LAST, { K(KEY_END), C('G') }, 2, "End", N_("Last"),
	    N_("Go to the last line (also G).") },
	{ ACT_OPEN, { C('\n'), C('\r'), K(KEY_ENTER) }, 3, "Enter",
	    N_("Open"), N_("Open what the cursor is on.") },
	{ ACT_SEARCH, { C('/') }, 1, "/", N_("Search"),
	    N_("Search by name: type the start of any name; the list "
	    "follows as you type.") },
	{ ACT_NEW, { C('n') }, 1, "n", N_("New"),
	    N_("Register a household that has moved in.") },
	{ ACT_EDIT, { C('e') }, 1, "e", N_("Edit"),
	    N_("Change the details of this household.") },
	{ ACT_MOVE_OUT, { C('m') }, 1, "m", N_("Moved out"),
	    N_("Record the day this household moved out.") },
	{ ACT_ORDER, { C('o') }, 1, "o", N_("Order"),
	    N_("Sort by newest move-in or by name (Danish order).") },
	{ ACT_SAVE, { K(KEY_F(2)), C(CTRL('s')) }, 2, "F2", N_("Save"),
	    N_("Save the form (also Ctrl-S).") },
	{ ACT_NEXT_FIELD, { K(KEY_DOWN), C('\t') }, 2, "\xe2\x86\x93",
	    N_("Next"), N_("Go to the next field (also Tab).") },
	{ ACT_PREV_FIELD, { K(KEY_UP), K(KEY_BTAB) }, 2, "\xe2\x86\x91",
	    N_("Previous"), N_("Go to the field before (also Shift-Tab).") },
	{ ACT_PICK, { C('\n'), C('\r'), K(KEY_ENTER) }, 3, "Enter",
	    N_("Pick"), N_("On a department or stairwell: pick from the "
	    "list. On other fields: go to the next field.") },
	{ ACT_TOGGLE, { C(' ') }, 1, "Space", N_("Tick"),
	    N_("Tick or untick a yes/no field.") },
	{ ACT_TO_LIST, { C('\n'), C('\r'), K(KEY_ENTER), K(KEY_DOWN) }, 4,
	    "Enter",
	    N_("To the list"), N_("Leave the search field and move in the "
	    "list of what it found (also \xe2\x86\x93 and Esc).") },
	{ ACT_CONFIRM, { C('\n'), C('\r'), K(KEY_ENTER) }, 3, "Enter",
	    N_("OK"), N_("Use what you typed: save it, or show what it "
	    "asks for.") },
	{ ACT_VISIT, { C('v') }, 1, "v", N_("Visit"),
	    N_("Start a welcome visit: the checklist at the door, or not "
	    "home, or declined.") },
	{ ACT_PICK_DEPT, { C('d') }, 1, "d", N_("Department"),
	    N_("Show one department, or all of them.") },
	{ ACT_PICK_STAIR, { C('s') }, 1, "s", N_("Stairwell"),
	    N_("Choose one stairwell, or all of the department.") },
	{ ACT_HANDLED, { C('f') }, 1, "f", N_("Follow up"),
	    N_("Record what the secretariat did for this household (a "
	    "letter, a call, a visit, the estate office), with a note, and "
	    "whether it closes the case: it leaves the secretariat's list.") },
	{ ACT_DELETE, { C('D'), K(KEY_DC) }, 2, "D", N_("Delete"),
	    N_("Delete this household, registered by mistake, with its "
	    "visits (the secretariat; also the Delete key). It asks first.") },
	{ ACT_CONSENT, { C('c') }, 1, "c", N_("Consent"),
	    N_("What the household has consented to, purpose by purpose: "
	    "give a consent, or withdraw one, which removes at once the data "
	    "it covered.") },
	{ ACT_GIVE, { C('g') }, 1, "g", N_("Give"),
	    N_("Record the household's consent to this purpose: how and on "
	    "which day; you are recorded as the one who asked.") },
	{ ACT_WITHDRAW, { C('w') }, 1, "w", N_("Withdraw"),
	    N_("Withdraw the consent to this purpose: it asks first, naming "
	    "what will be removed, and removes it at once.") },
	{ ACT_HOW, { C(' ') }, 1, "Space", N_("How"),
	    N_("The next way the consent was given: at the door, on paper, "
	    "by phone.") },
	{ ACT_DUP_OPEN, { C('o') }, 1, "o", N_("Open it"),
	    N_("Open the household already registered in that flat, instead "
	    "of registering the same move-in twice.") },
	{ ACT_DUP_REGISTER, { C('r') }, 1, "r", N_("Register anyway"),
	    N_("It is another household: register it all the same.") },
	{ ACT_ITEM_DONE, { C('d') }, 1, "d", N_("Done"),
	    N_("This item is done: you told or showed it.") },
	{ ACT_ITEM_NOT_RELEVANT, { C('n') }, 1, "n", N_("Not relevant"),
	    N_("This item does not matter for this household.") },
	{ ACT_ITEM_LATER, { C('l') }, 1, "l", N_("Later"),
	    N_("This item is for another day: the visit is then partly done "
	    "and asks when to come back.") },
	{ ACT_ITEM_NOTE, { C('\n'), C('\r'), K(KEY_ENTER) }, 3, "Enter",
	    N_("Note"), N_("Write a short note on this item (Enter again to "
	    "keep it).") },
	{ ACT_NOT_HOME, { K(KEY_F(3)), C('h') }, 2, "F3", N_("Not home"),
	    N_("Nobody opened: save the attempt and a date to try again "
	    "(also h on the checklist). Press it again to go back to the "
	    "checklist.") },
	{ ACT_DECLINED, { K(KEY_F(4)), C('x') }, 2, "F4", N_("Declined"),
	    N_("They do not want a visit: no more attempts will be made "
	    "(also x on the checklist). Press it again to go back to the "
	    "checklist.") },
	{ ACT_KEEP, { C('\n'), C('\r'), K(KEY_ENTER) }, 3, "Enter",
	    N_("Keep"), N_("Keep the note and go on.") },
	{ ACT_RECRUIT, { C('n') }, 1, "n", N_("Recruit"),
	    N_("Register an ambassador the secretariat has recruited.") },
	{ ACT_PICK_STATUS, { C('t') }, 1, "t", N_("Status"),
	    N_("Show all ambassadors, or only the active, paused or stopped "
	    "ones (each press shows the next).") },
	{ ACT_STATUS, { C('s') }, 1, "s", N_("Status"),
	    N_("Record that the ambassador pauses, stops (and why) or is "
	    "active again, from a date.") },
	{ ACT_PICK_AMBASSADOR, { C('a') }, 1, "a", N_("Ambassador"),
	    N_("Show the queue of one ambassador: the stairwells they cover "
	    "(all of their department if they have none of their own).") },
	/* TRANSLATORS: the key shown for yes: "y" or "j" (both work). */
	{ ACT_YES, { C('y'), C('j') }, 2, N_("y"), N_("Yes"), N_("Yes.") },
	{ ACT_NO, { C('n') }, 1, "n", N_("No"), N_("No.") },
	{ ACT_LOCK, { K(KEY_F(9)) }, 1, "F9", N_("Lock"),
	    N_("Lock the screen now, when you leave the keyboard: nothing "
	    "stays visible, and your PIN opens it again as you left it.") },
	{ ACT_LOGIN, { C('\n'), C('\r'), K(KEY_ENTER) }, 3, "Enter",
	    N_("Log in"), N_("In the login field: go on to the PIN or "
	    "password. There: log in with what was typed.") },
	{ ACT_LOGOUT, { C('x') }, 1, "x", N_("Log out"),
	    N_("Log out, so that the next person logs in with their own "
	    "login.") },
	{ ACT_ADD_ACCOUNT, { C('n') }, 1, "n", N_("New"),
	    N_("Add an account: a login, its role and its PIN or "
	    "password.") },
	{ ACT_UNLOCK, { C('u') }, 1, "u", N_("Unlock"),
	    N_("Lift the lock of an account locked after too many wrong "
	    "tries.") },
	{ ACT_DISABLE, { C('d') }, 1, "d", N_("Disable"),
	    N_("Disable the account (no one can log in with it), or enable "
	    "it again.") },
	{ ACT_RESET, { C('r') }, 1, "r", N_("New PIN"),
	    N_("Give the account a new PIN or password; this also lifts its "
	    "lock.") },
	{ ACT_FILTER_ACCOUNT, { C('a') }, 1, "a", N_("Account"),
	    N_("Show only what one account did.") },
	{ ACT_FILTER_RECORD, { C('r') }, 1, "r", N_("Record"),
	    N_("Show only what happened to one record, such as household "
	    "12.") },
	{ ACT_FILTER_DATE, { C('d') }, 1, "d", N_("Dates"),
	    N_("Show only what happened from one date, or between two "
	    "dates.") },
	{ ACT_FILTER_CLEAR, { C('c') }, 1, "c", N_("Clear"),
	    N_("Show the whole trail again.") },
	{ ACT_TEXT_UP, { K(KEY_PPAGE) }, 1, "PgUp", N_("Text up"),
	    N_("Scroll the text of the item in focus back up.") },
	{ ACT_TEXT_DOWN, { K(KEY_NPAGE) }, 1, "PgDn", N_("More text"),
	    N_("Show more of the text of the item in focus, when it is "
	    "longer than its room.") },
	{ ACT_CHOOSE, { CLASS(CLASS_DIGIT) }, 1, "1\xe2\x80\xa6" "9",
	    N_("Choose"), N_("Open the line with that number (0 opens the "
	    "tenth).") },
	{ ACT_JUMP, { CLASS(CLASS_ALNUM) }, 1, "a\xe2\x80\xa6" "z", N_("Jump"),
	    N_("Jump to the next line that starts with the letter typed.") },
	{ ACT_HELP_CLOSE, { K(KEY_F(1)), C('?'), C('q') }, 3, "F1",
	    N_("Close"), N_("Close the help (also ? and q).") },
	{ ACT_LIST_PREV, { K(KEY_UP) }, 1, "\xe2\x86\x91", N_("Previous"),
	    N_("Choose the one above in the list beside the field.") },
	{ ACT_LIST_NEXT, { K(KEY_DOWN) }, 1, "\xe2\x86\x93", N_("Next"),
	    N_("Choose the one below in the list beside the field.") },
	{ ACT_IN_REGISTER, { C('r') }, 1, "r", N_("Register"),
	    N_("Search the whole register of households for what is typed "
	    "in the search field.") },
	{ ACT_LANGUAGE, { C('l') }, 1, "l", N_("Language"),
	    N_("Switch between Danish and English at once. velkomst "
	    "remembers the choice for your login; the login screen speaks "
	    "the language of the configuration.") },
	{ ACT_PICK_MANY, { C('\n'), C('\r'), K(KEY_ENTER) }, 3, "Enter",
	    N_("Add/remove"), N_("Add the one the cursor is on to those "
	    "chosen, or take it away when it is chosen already (marked "
	    "with \xe2\x9c\x93).") },
	{ ACT_DESK, { C('o') }, 1, "o", N_("Overview"),
	    N_("The desk's overview: per department, how many households "
	    "await a welcome, are overdue or need the secretariat, and the "
	    "stairwells without an ambassador where newcomers wait.") },
	{ ACT_PICK_REASON, { C('w') }, 1, "w", N_("Why"),
	    N_("Show the households of one reason (not home too often, "
	    "passed on, not reached in time, declined with a note), or of "
	    "every reason.") },
	{ ACT_BACKUP, { C('b') }, 1, "b", N_("Backup"),
	    N_("Make a backup of the database now (the secretariat): it asks "
	    "first, then says where the copy is.") },
	{ ACT_CRITERIA, { C('c') }, 1, "c", N_("Criteria"),
	    N_("The activity's success criteria: for a year, what each has "
	    "reached, and whether it is met, on track or behind.") },
	{ ACT_YEAR_PREV, { K(KEY_LEFT), C('<') }, 2, "\xe2\x86\x90",
	    N_("Year before"), N_("Show the year before (also <).") },
	{ ACT_YEAR_NEXT, { K(KEY_RIGHT), C('>') }, 2, "\xe2\x86\x92",
	    N_("Year after"), N_("Show the year after (also >).") },
	{ ACT_RECORDS, { C('r') }, 1, "r", N_("Records"),
	    N_("What the secretariat recorded: the film and its views, the "
	    "success stories and their likes, the press stories. There you "
	    "add them and update the views and likes.") },
	{ ACT_STORIES, { C('s') }, 1, "s", N_("Stories"),
	    N_("The welcome visits marked as possible success stories, with "
	    "the household's yes: who, when, and the ambassador.") },
	{ ACT_RECORD_NEW, { C('n') }, 1, "n", N_("New"),
	    N_("Record a film, a success story or a story in the local "
	    "paper.") },
	{ ACT_RECORD_DELETE, { C('D'), K(KEY_DC) }, 2, "D", N_("Delete"),
	    N_("Delete this record, recorded by mistake (also the Delete "
	    "key). It asks first.") },
	{ ACT_STORY, { K(KEY_F(5)) }, 1, "F5", N_("Story"),
	    N_("Mark the visit as a possible success story: ask the "
	    "household first, and only with their yes. On a visit marked, "
	    "F5 takes the mark away.") },
	{ ACT_REPORT, { C('r') }, 1, "r", N_("Report"),
	    N_("The yearly report: per department, how many moved in and "
	    "how many were welcomed, how fast, month by month, the checklist "
	    "and the ambassadors; and the evaluation of each department.") },
	{ ACT_PERIOD_PREV, { K(KEY_LEFT), C('[') }, 2, "\xe2\x86\x90",
	    N_("Previous"), N_("Show the year before (also [).") },
	{ ACT_PERIOD_NEXT, { K(KEY_RIGHT), C(']') }, 2, "\xe2\x86\x92",
	    N_("Next"), N_("Show the year after, up to the year now running "
	    "(also ]).") },
	{ ACT_AGREEMENT_YEARS, { C('a') }, 1, "a", N_("Agreement years"),
	    N_("Show the years of the agreement period, from its first day, "
	    "instead of calendar years.") },
	{ ACT_CALENDAR_YEARS, { C('a') }, 1, "a", N_("Calendar years"),
	    N_("Show calendar years again, instead of the years of the "
	    "agreement period.") },
	{ ACT_NEXT_PART, { C('\t') }, 1, "Tab", N_("Next part"),
	    N_("Show the next part of the report or the evaluation; after "
	    "the last part comes the first.") },
	{ ACT_FIRST_YEAR, { C('f') }, 1, "f", N_("First year"),
	    N_("Show the department's first year from its first welcome, "
	    "the year its board evaluates; press it again for the year of the "
	    "report.") },
	{ ACT_EXPORT, { C('E') }, 1, "E", N_("Export"),
	    N_("Export this list as it is filtered to a file, as csv for "
	    "Excel or as an Excel workbook (the secretariat).") },
	{ ACT_IMPORT, { C('I') }, 1, "I", N_("Import"),
	    N_("Import a list of move-ins from an estate office (the "
	    "secretariat): type the file's path, see what would be added and "
	    "what is wrong, then confirm.") },
	{ ACT_PERSON_COPY, { C('E') }, 1, "E", N_("Copy"),
	    N_("Write everything velkomst holds about this household into two "
	    "new files in your home folder, as text and as JSON, for a "
	    "resident who asks to see their data (the secretariat). It says "
	    "where they are; the copy is recorded in the audit trail.") },
	{ ACT_EXACT_COUNT, { C('c') }, 1, "c", N_("Count"),
	    N_("Count the list exactly where it says 1,000+ (on a large "
	    "register this may take a second).") },
	{ ACT_EDIT_LEFT, { K(KEY_LEFT), C(CTRL('b')) }, 2, "\xe2\x86\x90",
	    N_("Left"), N_("Move the cursor one character left (also "
	    "Ctrl-B).") },
	{ ACT_EDIT_RIGHT, { K(KEY_RIGHT), C(CTRL('f')) }, 2, "\xe2\x86\x92",
	    N_("Right"), N_("Move the cursor one character right (also "
	    "Ctrl-F).") },
	{ ACT_EDIT_HOME, { K(KEY_HOME), C(CTRL('a')) }, 2, "Home",
	    N_("Start"), N_("Move the cursor to the start of the text (also "
	    "Ctrl-A).") },
	{ ACT_EDIT_END, { K(KEY_END), C(CTRL('e')) }, 2, "End", N_("End"),
	    N_("Move the cursor to the end of the text (also Ctrl-E).") },
	{ ACT_EDIT_BACKSPACE, { K(KEY_BACKSPACE), C(127), C(CTRL('h')) }, 3,
	    "Backspace", N_("Erase"), N_("Erase the character before the "
	    "cursor (also Ctrl-H).") },
	{ ACT_EDIT_DELETE, { K(KEY_DC), C(CTRL('d')) }, 2, "Delete",
	    N_("Delete"), N_("Erase the character under the cursor (also "
	    "Ctrl-D).") },
	{ ACT_EDIT_KILL_END, { C(CTRL('k')) }, 1, "Ctrl-K", N_("Erase to end"),
	    N_("Erase from the cursor to the end of the text.") },
	{ ACT_EDIT_KILL_START, { C(CTRL('u')) }, 1, "Ctrl-U",
	    N_("Erase to start"), N_("Erase from the start of the text to "
	    "the cursor.") },
	{ ACT_EDIT_KILL_WORD, { C(CTRL('w')) }, 1, "Ctrl-W",
	    N_("Erase word"), N_("Erase the word before the cursor.") },
};

/* The definition of an action, or NULL. */
static const struct keydef *
keys_find(enum ui_action a)
{
	size_t	i;

	for (i = 0; i < sizeof keydefs / sizeof keydefs[0]; i++)
		if (keydefs[i].action == a)
			return &keydefs[i];
	return NULL;
}

/* 1 if the key pressed is the key of the table. */
static int
keys_match(const struct key *key, const struct ui_keypress *k)
{
	switch (key->kind) {
	case KIND_CODE:
		return k->is_key && (wint_t)key->code == k->ch;
	case KIND_CHAR:
		return !k->is_key && (wint_t)key->code == k->ch;
	case KIND_CLASS:
		if (k->is_key)
			return 0;
		if (key->code == CLASS_DIGIT)
			return k->ch >= L'0' && k->ch <= L'9';
		return iswalnum(k->ch);
	}
	return 0;
}

/* The action among offered that the key k means, or ACT_NONE. */
enum ui_action
ui_key_action(const struct ui_keypress *k, const enum ui_action *offered)
{
	const struct keydef	*d;
	int			 i;

	for (; *offered != ACT_NONE; offered++) {
		if ((d = keys_find(*offered)) == NULL)
			continue;
		for (i = 0; i < d->nkeys; i++)
			if (keys_match(&d->keys[i], k))
				return *offered;
	}
	return ACT_NONE;
}

/* The name of the key shown for an action ("Esc"). */
const char *
ui_key_label(enum ui_action a)
{
	const struct keydef	*d = keys_find(a);

	if (d != NULL && a == ACT_YES)	/* "j" for ja, in Danish */
		return _(d->label);
	return d != NULL ? d->label : "";
}

/* The short word for the bottom line (English, for _()). */
const char *
ui_key_short(enum ui_action a)
{
	const struct keydef	*d = keys_find(a);

	return d != NULL ? d->word : "";
}

/* The bottom line's word: the language key names the language it
 * switches to in that language, for whoever cannot read this one. */
const char *
ui_key_word(enum ui_action a)
{
	if (a == ACT_LANGUAGE)
		return i18n_other_name();
	return _(ui_key_short(a));
}

/* The sentence for the help overlay (English, for _()). */
const char *
ui_key_help(enum ui_action a)
{
	const struct keydef	*d = keys_find(a);

	return d != NULL ? d->help : "";
}

/* The i-th action of the table, or ACT_NONE. */
enum ui_action
ui_key_nth(size_t i)
{
	return i < sizeof keydefs / sizeof keydefs[0] ? keydefs[i].action :
	    ACT_NONE;
}

/* The manual's name of a curses key code, or NULL. */
static const char *
keys_code_name(int code)
{
	static const struct {
		int		 code;
		const char	*name;
	} names[] = {
		{ KEY_UP, "Up" }, { KEY_DOWN, "Down" }, { KEY_LEFT, "Left" },
		{ KEY_RIGHT, "Right" }, { KEY_PPAGE, "PgUp" },
		{ KEY_NPAGE, "PgDn" }, { KEY_HOME, "Home" }, { KEY_END, "End" },
		{ KEY_ENTER, "Enter" }, { KEY_BTAB, "Shift-Tab" },
		{ KEY_DC, "Delete" }, { KEY_BACKSPACE, "Backspace" },
	};
	size_t	i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (names[i].code == code)
			return names[i].name;
	return NULL;
}

/* The manual's name of a character key, written into buf. */
static void
keys_char_name(int c, char *buf, size_t len)
{
	switch (c) {
	case 27:
		snprintf(buf, len, "Esc");
		break;
	case '\n':
	case '\r':
		snprintf(buf, len, "Enter");
		break;
	case '\t':
		snprintf(buf, len, "Tab");
		break;
	case ' ':
		snprintf(buf, len, "Space");
		break;
	case 127:
		snprintf(buf, len, "Backspace");
		break;
	default:
		if (c > 0 && c < ' ')
			snprintf(buf, len, "Ctrl-%c", c + '@');
		else
			snprintf(buf, len, "%c", c);
	}
}

/* The name of the i-th key of an action; see ui.h. */
int
ui_key_name(enum ui_action a, int i, char *buf, size_t len)
{
	const struct keydef	*d = keys_find(a);
	const struct key	*k;
	const char		*name;

	if (d == NULL || i < 0 || i >= d->nkeys)
		return 0;
	k = &d->keys[i];
	switch (k->kind) {
	case KIND_CODE:
		if (k->code >= KEY_F(1) && k->code <= KEY_F(12))
			snprintf(buf, len, "F%d", k->code - KEY_F(0));
		else
			snprintf(buf, len, "%s", (name = keys_code_name(k->code))
			    != NULL ? name : "?");
		break;
	case KIND_CHAR:
		keys_char_name(k->code, buf, len);
		break;
	case KIND_CLASS:
		snprintf(buf, len, "%s", d->label);
		break;
	}
	return 1;
}
