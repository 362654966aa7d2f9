# velkomst — a plain Makefile.  `make run` opens the demo, `make check`
# runs every test; both install missing Debian packages first (deps).

VERSION	= 0.1.0
PREFIX	?= /usr/local
BINDIR	?= $(PREFIX)/bin
DATADIR	?= $(PREFIX)/share
MANDIR	?= $(DATADIR)/man
LOCALEDIR ?= $(DATADIR)/locale
DESTDIR	?=

CC	?= cc
PKGS	= ncursesw sqlite3 libconfig icu-uc icu-i18n libsodium xlsxwriter
# Recursively expanded on purpose: pkg-config runs only when a rule needs
# it, which is after `deps` has installed it.
PKG_CFLAGS = $(filter-out -D_XOPEN_SOURCE=%,$(shell pkg-config --cflags $(PKGS)))
# libcsv (Debian's libcsv-dev) ships no pkg-config file.  ICU and
# libxlsxwriter are not linked: util-icu.c and report-xlsx.c load them
# (dlopen) when they are first needed, so that ICU's C++ library and
# libxlsxwriter's libcrypto, minizip and zlib are not bound at every
# start (README, Performance).  Their headers are still needed, and the
# packages libicu72 and libxlsxwriter4 at run time.
DLOPENED = icu-uc icu-i18n xlsxwriter
PKG_LIBS   = $(shell pkg-config --libs $(filter-out $(DLOPENED),$(PKGS))) -lcsv

WARN	= -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	  -Wpointer-arith -Wformat=2 -Wno-format-nonliteral
WERROR	?= -Werror
CFLAGS	?= -O2 -g
CPPFLAGS_ALL = -std=c11 -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=700 \
	  -D_XOPEN_SOURCE_EXTENDED -Iinclude \
	  -DVERSION='"$(VERSION)"' -DDATADIR='"$(DATADIR)"' \
	  -DLOCALEDIR='"$(LOCALEDIR)"' $(PKG_CFLAGS) $(CPPFLAGS)
SAN	= -fsanitize=address,undefined -fno-sanitize-recover=all \
	  -fno-omit-frame-pointer

SRC	= $(wildcard src/*.c)
LIBSRC	= $(filter-out src/main.c,$(SRC))
OBJ	= $(LIBSRC:src/%.c=build/obj/%.o)
SANOBJ	= $(LIBSRC:src/%.c=build/san/obj/%.o)
HDR	= $(wildcard include/*.h src/*.h)
UNITSRC	= $(wildcard tests/unit/test-*.c)
UNITBIN	= $(UNITSRC:tests/unit/%.c=build/san/%)
BENCHSRC = $(wildcard tests/bench/bench-*.c)
BENCHBIN = $(BENCHSRC:tests/bench/%.c=build/%)
# Every manual page there is, English in man/, Danish in man/da/; each
# goes to the man1, man5 or man7 its name ends with.
MAN	= $(wildcard man/*.[157])
MAN_DA	= $(wildcard man/da/*.[157])
# The translations: share/po/LANG.po, compiled for `make run`, the tests
# (VELKOMST_LOCALEDIR=build/locale) and `make install`.
PO	= $(wildcard share/po/*.po)
MO	= $(PO:share/po/%.po=build/locale/%/LC_MESSAGES/velkomst.mo)
# The word lists that notes are checked against, and the privacy papers
# (the record of processing, the notice for residents, the ambassadors'
# page on notes): installed beside the default configuration.
SENSITIVE = $(wildcard share/velkomst/sensitive/*.txt)
PRIVACY	= $(wildcard share/velkomst/privacy/*.txt)

# zlib1g-dev: libxlsxwriter's pkg-config file names -lz, but Debian 12's
# libxlsxwriter-dev does not pull it in (pkg-config --cflags xlsxwriter
# reads that file).  python3: the tests of the
# resident's copy parse its JSON and hold it against the database.
DEB_PKGS = gcc make pkg-config libncurses-dev libsqlite3-dev libconfig-dev \
	   libicu-dev libsodium-dev gettext tmux sqlite3 mandoc ncurses-term \
	   faketime man-db libxlsxwriter-dev zlib1g-dev unzip libcsv-dev time \
	   python3

.PHONY: all run check install uninstall clean deps bench stress lint unit pot \
	FORCE locale po-check fuzz

all: build/velkomst $(MO)

# The paths built into the program: a change of PREFIX rebuilds it.
BUILDFLAGS = $(VERSION) $(DATADIR) $(LOCALEDIR) $(CC) $(CFLAGS)
build/flags: FORCE | build/obj
	@echo '$(BUILDFLAGS)' | cmp -s - $@ || echo '$(BUILDFLAGS)' > $@

FORCE:

build/obj/%.o: src/%.c $(HDR) build/flags | build/obj
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS) $(WARN) $(WERROR) -c -o $@ $<

build/san/obj/%.o: src/%.c $(HDR) build/flags | build/san/obj
	$(CC) $(CPPFLAGS_ALL) -O1 -g $(SAN) $(WARN) $(WERROR) -c -o $@ $<

build/libvelkomst.a: $(OBJ)
	rm -f $@ && ar rcs $@ $(OBJ)

build/san/libvelkomst.a: $(SANOBJ)
	rm -f $@ && ar rcs $@ $(SANOBJ)

build/velkomst: src/main.c build/libvelkomst.a $(HDR) build/flags
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS) $(WARN) $(WERROR) -o $@ src/main.c \
	    build/libvelkomst.a $(PKG_LIBS) $(LDFLAGS)

build/san/velkomst: src/main.c build/san/libvelkomst.a $(HDR) build/flags
	$(CC) $(CPPFLAGS_ALL) -O1 -g $(SAN) $(WARN) $(WERROR) -o $@ \
	    src/main.c build/san/libvelkomst.a $(PKG_LIBS)

build/san/test-%: tests/unit/test-%.c tests/unit/test.h build/san/libvelkomst.a
	$(CC) $(CPPFLAGS_ALL) -Itests/unit -O1 -g $(SAN) $(WARN) $(WERROR) \
	    -o $@ $< build/san/libvelkomst.a $(PKG_LIBS)

# The unit test of the import replays the fuzzer's corpus through its
# harness.
build/san/test-import: tests/fuzz/fuzz-import.c $(wildcard tests/fuzz/corpus/*)

# The fuzzer (clang's libFuzzer): the library built again with clang and
# the sanitizers, the harness linked with -fsanitize=fuzzer.  `make fuzz`
# runs it for FUZZ_TIME seconds over the kept corpus; new inputs go to
# build/fuzz/corpus, a crash to build/fuzz/crash-*.  Keep a crash's input
# in tests/fuzz/corpus (with its fix): `make check` replays it.
FUZZCC	?= clang
FUZZ_TIME ?= 60
FUZZSAN	= -fsanitize=address,undefined -fno-sanitize-recover=all \
	  -fno-omit-frame-pointer
FUZZOBJ	= $(LIBSRC:src/%.c=build/fuzz/obj/%.o)

build/fuzz/obj/%.o: src/%.c $(HDR) | build/fuzz/obj
	$(FUZZCC) $(CPPFLAGS_ALL) -O1 -g -fsanitize=fuzzer-no-link $(FUZZSAN) \
	    $(WARN) -c -o $@ $<

build/fuzz/libvelkomst.a: $(FUZZOBJ)
	rm -f $@ && ar rcs $@ $(FUZZOBJ)

build/fuzz/fuzz-import: tests/fuzz/fuzz-import.c build/fuzz/libvelkomst.a
	$(FUZZCC) $(CPPFLAGS_ALL) -O1 -g -fsanitize=fuzzer $(FUZZSAN) $(WARN) \
	    -o $@ $< build/fuzz/libvelkomst.a $(PKG_LIBS)

build/fuzz/obj build/fuzz/corpus:
	mkdir -p $@

fuzz: deps
	@command -v $(FUZZCC) >/dev/null || \
	    { echo "fuzz: needs clang: apt-get install clang"; exit 1; }
	@$(MAKE) --no-print-directory build/fuzz/fuzz-import build/fuzz/corpus
	VELKOMST_SHARE=share/velkomst VELKOMST_TODAY=2019-06-01 \
	    build/fuzz/fuzz-import -max_total_time=$(FUZZ_TIME) \
	    -artifact_prefix=build/fuzz/ -max_len=65536 \
	    build/fuzz/corpus tests/fuzz/corpus

build/bench-%: tests/bench/bench-%.c build/libvelkomst.a
	$(CC) $(CPPFLAGS_ALL) -O2 -g $(WARN) $(WERROR) -o $@ $< \
	    build/libvelkomst.a $(PKG_LIBS)

# The tests' statement log (tests/tui/sqltrace.c), loaded with LD_PRELOAD.
build/sqltrace.so: tests/tui/sqltrace.c | build/obj
	$(CC) $(CPPFLAGS_ALL) -D_GNU_SOURCE -O2 -g $(WARN) $(WERROR) -fPIC \
	    -shared -o $@ $< -ldl

build/obj build/san/obj:
	mkdir -p $@

# A catalogue for each translation.
locale: $(MO)

build/locale/%/LC_MESSAGES/velkomst.mo: share/po/%.po
	@mkdir -p $(@D)
	msgfmt --check -o $@ $<

# Every translation complete: no message untranslated or fuzzy (nothing
# to check while there is no .po).
po-check:
	@for po in $(PO); do \
	    s=$$(LC_ALL=C msgfmt --check --statistics -o /dev/null $$po 2>&1) || \
	        { echo "$$s"; echo "FAIL po: $$po does not compile"; exit 1; }; \
	    case $$s in \
	    *untranslated*|*fuzzy*) \
	        echo "FAIL po: $$po: $$s"; exit 1 ;; \
	    esac; \
	    echo "ok   po: $$po: $$s"; \
	done

# Install the Debian packages that are missing: as root with apt-get,
# otherwise stop and print the one line to run.
deps:
	@if command -v dpkg-query >/dev/null 2>&1; then \
	    missing=""; \
	    for p in $(DEB_PKGS); do \
	        dpkg-query -W -f='$${Status}' $$p 2>/dev/null | \
	            grep -q 'install ok installed' || missing="$$missing $$p"; \
	    done; \
	    if [ -n "$$missing" ]; then \
	        if [ "$$(id -u)" = 0 ]; then \
	            echo "deps: installing$$missing"; \
	            apt-get update -qq && \
	            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	        else \
	            echo "deps: missing packages; run as root:"; \
	            echo "    apt-get install$$missing"; \
	            exit 1; \
	        fi; \
	    fi; \
	else \
	    pkg-config --exists $(PKGS) || \
	        { echo "deps: need pkg-config and: $(PKGS)"; exit 1; }; \
	fi

# Open the TUI on the demo database, with today fixed in the agreement
# period unless VELKOMST_TODAY is already set.  `demo` makes the database
# the first time (and adds the demo logins to one made before there were
# accounts); the logins are printed before the screen opens.
run: deps
	@$(MAKE) --no-print-directory build/velkomst $(MO)
	@VELKOMST_TODAY=$${VELKOMST_TODAY:-2019-06-01}; export VELKOMST_TODAY; \
	VELKOMST_SHARE=share/velkomst; export VELKOMST_SHARE; \
	VELKOMST_LOCALEDIR=build/locale; export VELKOMST_LOCALEDIR; \
	build/velkomst --db build/demo.db demo || exit 1; \
	echo; \
	echo "Demo logins (fictional data):"; \
	echo "  login        role         PIN / password"; \
	echo "  admin        admin        demo-admin-pw"; \
	echo "  sekretariat  secretariat  demo-sekretariat"; \
	echo "  birgit       ambassador   1234  (Birgit Holm)"; \
	echo "  lene         ambassador   2468  (Lene Bæk; 605 and 606)"; \
	echo; \
	if [ -t 0 ]; then printf 'Press Enter to open velkomst. '; read k; fi; \
	exec build/velkomst --db build/demo.db

unit: $(UNITBIN)

check: deps
	@$(MAKE) --no-print-directory build/velkomst build/san/velkomst $(UNITBIN) $(BENCHBIN) build/sqltrace.so $(MO)
	@$(MAKE) --no-print-directory po-check
	@tests/run

# The benchmark (README, "Performance"): demo databases of BENCH_SIZES
# households made once under build/bench/, one table of figures.  GNU
# time (the Debian package `time`) gives the peak memory.
bench: deps
	@$(MAKE) --no-print-directory build/velkomst $(BENCHBIN)
	@tests/bench/run

# Many people at once on one database for STRESS_SECONDS (60); not part
# of `make check`.
stress: deps
	@$(MAKE) --no-print-directory build/velkomst
	@tests/bench/stress

# The template for translators: every _() and N_() string of the sources.
pot: share/po/velkomst.pot

share/po/velkomst.pot: $(SRC) $(HDR)
	xgettext --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ --keyword=P_:1,2 --keyword=NC_:1c,2 \
	    --add-comments=TRANSLATORS --package-name=velkomst \
	    --package-version=$(VERSION) --sort-by-file -o $@ $(SRC)

# mandoc reads the Danish pages as UTF-8 (their source is UTF-8).
lint: $(MAN) $(MAN_DA)
	mandoc -Tlint -Wwarning $(MAN)
	$(if $(MAN_DA),mandoc -Tlint -Wwarning -Kutf-8 $(MAN_DA))

install: build/velkomst $(MO)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/velkomst
	install -m 755 build/velkomst $(DESTDIR)$(BINDIR)/velkomst
	for f in $(MAN); do \
	    d=$(DESTDIR)$(MANDIR)/man$${f##*.}; \
	    install -d $$d && install -m 644 $$f $$d/ || exit 1; \
	done
	for f in $(MAN_DA); do \
	    d=$(DESTDIR)$(MANDIR)/da/man$${f##*.}; \
	    install -d $$d && install -m 644 $$f $$d/ || exit 1; \
	done
	install -m 644 share/velkomst/velkomst.conf \
	    $(DESTDIR)$(DATADIR)/velkomst/velkomst.conf
	install -d $(DESTDIR)$(DATADIR)/velkomst/sensitive \
	    $(DESTDIR)$(DATADIR)/velkomst/privacy
	install -m 644 $(SENSITIVE) $(DESTDIR)$(DATADIR)/velkomst/sensitive/
	install -m 644 $(PRIVACY) $(DESTDIR)$(DATADIR)/velkomst/privacy/
	@for po in $(PO); do \
	    l=$$(basename $$po .po); \
	    echo install -D -m 644 build/locale/$$l/LC_MESSAGES/velkomst.mo \
	        $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/velkomst.mo; \
	    install -D -m 644 build/locale/$$l/LC_MESSAGES/velkomst.mo \
	        $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/velkomst.mo || exit 1; \
	done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/velkomst \
	    $(DESTDIR)$(DATADIR)/velkomst/velkomst.conf
	for f in $(notdir $(MAN)); do \
	    rm -f $(DESTDIR)$(MANDIR)/man$${f##*.}/$$f; \
	done
	for f in $(notdir $(MAN_DA)); do \
	    rm -f $(DESTDIR)$(MANDIR)/da/man$${f##*.}/$$f; \
	done
	for f in $(SENSITIVE) $(PRIVACY); do \
	    rm -f $(DESTDIR)$(DATADIR)/velkomst/$${f#share/velkomst/}; \
	done
	-rmdir $(DESTDIR)$(DATADIR)/velkomst/sensitive \
	    $(DESTDIR)$(DATADIR)/velkomst/privacy
	-rmdir $(DESTDIR)$(DATADIR)/velkomst
	@for po in $(PO); do \
	    rm -f $(DESTDIR)$(LOCALEDIR)/$$(basename $$po .po)/LC_MESSAGES/velkomst.mo; \
	done

clean:
	rm -rf build
