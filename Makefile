# mgrad — build, test, run.
#
#   make           build (installs nothing; make deps installs the tools)
#   make run       install missing build tools (apt-get), build, start the REPL
#   make deps      install missing build tools (apt-get)
#   make check     build and run the whole test suite
#
# GNU make 4.3 or later.
#   make check SANITIZE=1   the same under AddressSanitizer + UBSan
#   make bench     performance figures (time, nodes/s, bytes/node, peers)
#   make bench-peers   install the peers make bench compares with
#   make fuzz      install AFL++ if missing, fuzz for FUZZ_SECONDS (default 60)
#   make web       the page in the browser, in web/dist (docs/web.md)
#   make serve     build it and serve web/dist on 127.0.0.1:8000
#   make jupyter   install Jupyter if missing, register the kernel "mgrad"
#   make install   PREFIX=/usr/local DESTDIR=
#   make help      this list

VERSION   := 0.1
PREFIX    ?= /usr/local
DESTDIR   ?=
BINDIR    := $(PREFIX)/bin
MANDIR    := $(PREFIX)/share/man/man1
EXDIR     := $(PREFIX)/share/doc/mgrad/examples

CC        ?= cc
FUZZ_CC   ?= afl-clang-fast
FUZZ_SECONDS ?= 60
FLEX      ?= flex
BISON     ?= bison

ifeq ($(WEB),1)
# The WebAssembly build (make web): Debian's emscripten, its own tree.
BUILD     ?= build/web
CC        := emcc
OPT       ?= -O2
DEPS_FOR  := web
# Debian's emscripten needs Debian's acorn, which another Node cannot find.
export NODE_PATH := $(if $(NODE_PATH),$(NODE_PATH):)/usr/share/nodejs
else ifeq ($(FUZZ),1)
# The fuzz build (make fuzz): AFL++'s compiler, ASan + UBSan, its own tree.
BUILD     ?= build/fuzz
CC        := $(FUZZ_CC)
OPT       ?= -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
LDSAN     := -fsanitize=address,undefined
DEPS_FOR  := fuzz
else ifeq ($(SANITIZE),1)
BUILD     ?= build/sanitize
OPT       ?= -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
LDSAN     := -fsanitize=address,undefined
else
BUILD     ?= build
OPT       ?= -O2 -g
LDSAN     :=
endif

# Warnings are errors in CI (CI set) and for check, valgrind, bench and
# fuzz, but a plain `make` only shows them: a newer compiler's new warning
# must not stop a user's build. WERROR=1 or WERROR=0 decides it outright.
WERROR    ?= $(if $(CI),1,$(if $(filter check valgrind bench fuzz,$(MAKECMDGOALS)),1,0))
WARN      := -Wall -Wextra -pedantic $(if $(filter 1,$(WERROR)),-Werror)
BISON_WARN := -Wall $(if $(filter 1,$(WERROR)),-Werror)
CPPFLAGS  += -D_POSIX_C_SOURCE=200809L -DMGRAD_VERSION='"$(VERSION)"' -I$(BUILD)/gen -I.
# No fused multiply-add: each + - * / rounds on its own, so the same
# arithmetic gives the same bits on every machine (engine/random.c relies
# on it for the same random numbers everywhere).
CFLAGS    += -std=c11 -ffp-contract=off $(OPT) $(WARN)
LDLIBS    += -lreadline -lm -lutil
LDFLAGS   += $(LDSAN)

# The pipeline, in the order text flows through it.
LIB_SRC   := $(wildcard util/*.c) $(wildcard lexer/*.c) $(wildcard parser/*.c) \
             $(wildcard compile/*.c) $(wildcard interp/*.c) \
             $(wildcard lib/*.c) $(wildcard engine/*.c) $(wildcard view/*.c)
GEN_SRC   := $(BUILD)/gen/lexer.c $(BUILD)/gen/parser.c $(BUILD)/gen/parser-lac.c
REPL_SRC  := $(wildcard repl/*.c)
EMBED_SRC := $(wildcard embed/*.c)

LIB_OBJ   := $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/lexer.o $(BUILD)/gen/parser.o \
             $(BUILD)/gen/parser-lac.o
REPL_OBJ  := $(REPL_SRC:%.c=$(BUILD)/%.o)
EMBED_OBJ := $(EMBED_SRC:%.c=$(BUILD)/%.o)
MGRAD     := $(BUILD)/mgrad
# The link ./mgrad is made by the plain build only.
TOP_LINK  := $(if $(filter build,$(BUILD)),mgrad)

# The embedding library (embed/mgrad.h): the pipeline and embed/ compiled
# again, position-independent, into objects of their own, so that the
# static build of mgrad stays as it is. Only the mgrad_ functions are
# exported. It is built without sanitizers even in the sanitizer build, as
# a Python process (the notebook kernel) loads it without their runtime.
PIC       := $(BUILD)/pic
PIC_OBJ   := $(patsubst $(BUILD)/%,$(PIC)/%,$(LIB_OBJ) $(EMBED_OBJ))
PIC_CFLAGS := -std=c11 -ffp-contract=off -O2 -g $(WARN) -fPIC -fvisibility=hidden
PIC_GEN_CFLAGS = $(filter-out -pedantic,$(PIC_CFLAGS)) -Wno-unused-function -Wno-sign-compare
LIBMGRAD  := $(BUILD)/libmgrad.so

TEST_C    := $(wildcard tests/unit/*.c)
TEST_BIN  := $(TEST_C:tests/unit/%.c=$(BUILD)/tests/%)
MOONS     := $(BUILD)/tools/moons
# The lists made from the tables (tools/vocab.c): the man page's, and the
# vocabulary words of the fuzzer's dictionary.
VOCAB     := $(BUILD)/tools/vocab
MANPAGE   := $(BUILD)/mgrad.1
FUZZ_DICT := $(BUILD)/mgrad.dict

# The fuzz harness: the AFL++ target in the fuzz build, a replay tool in
# the others. The linker routes its sandboxed calls to the harness.
FUZZ_BIN  := $(BUILD)/mgrad-fuzz
FUZZ_WRAP := -Wl,--wrap=fopen,--wrap=tmpfile,--wrap=posix_spawn,--wrap=posix_spawnp

.PHONY: all run check valgrind bench bench-peers fuzz install uninstall clean \
        help deps jupyter web serve
all: $(MGRAD) $(TOP_LINK) $(LIBMGRAD) $(MANPAGE)

# --- build tools: installed on demand on Debian/Ubuntu -------------------
deps:
	@sh tools/deps.sh

$(BUILD)/.deps-ok: tools/deps.sh
	@sh tools/deps.sh $(DEPS_FOR)
	@mkdir -p $(@D) && touch $@

# make run installs what is missing before it builds; a plain make never
# does (make deps installs on its own).
ifneq ($(filter run,$(MAKECMDGOALS)),)
DEPS_FIRST := | $(BUILD)/.deps-ok
endif

# The compiler and its flags, remembered: when they change (a plain make,
# then make check with -Werror), every object is built again.
FLAGS_NOW := $(CC) $(CPPFLAGS) $(CFLAGS)
ifneq ($(file <$(BUILD)/.flags),$(FLAGS_NOW))
$(shell mkdir -p $(BUILD))
$(file >$(BUILD)/.flags,$(FLAGS_NOW))
endif

# --- generated scanner and parser (build outputs, never committed) --------
$(BUILD)/gen/lexer.c $(BUILD)/gen/lexer.h &: lexer/lexer.l $(DEPS_FIRST)
	@mkdir -p $(@D)
	$(FLEX) --outfile=$(BUILD)/gen/lexer.c --header-file=$(BUILD)/gen/lexer.h $<

# The grammar twice: the parser that compiles every text, and the same one
# with LAC, run only to report the errors of a text that has some.
$(BUILD)/gen/parser.c $(BUILD)/gen/parser.h &: parser/parser.y $(BUILD)/.flags $(DEPS_FIRST)
	@mkdir -p $(@D)
	$(BISON) $(BISON_WARN) -Dparse.lac=none --output=$(BUILD)/gen/parser.c --header=$(BUILD)/gen/parser.h $<

$(BUILD)/gen/parser-lac.c: parser/parser.y $(BUILD)/gen/parser.h $(DEPS_FIRST)
	@mkdir -p $(@D)
	$(BISON) $(BISON_WARN) -Dparse.lac=full --output=$@ $<

# Flex's skeleton is not -pedantic clean; everything else is.
GEN_CFLAGS := $(filter-out -pedantic,$(CFLAGS)) -Wno-unused-function -Wno-sign-compare
$(BUILD)/gen/lexer.o: $(BUILD)/gen/lexer.c $(BUILD)/gen/parser.h
	$(CC) $(CPPFLAGS) $(GEN_CFLAGS) -c -o $@ $<
$(BUILD)/gen/parser.o: $(BUILD)/gen/parser.c $(BUILD)/gen/lexer.h
	$(CC) $(CPPFLAGS) $(GEN_CFLAGS) -c -o $@ $<
$(BUILD)/gen/parser-lac.o: $(BUILD)/gen/parser-lac.c $(BUILD)/gen/lexer.h
	$(CC) $(CPPFLAGS) -Dyyparse=parser_lac_parse $(GEN_CFLAGS) -c -o $@ $<

# Every object may include the generated headers.
$(BUILD)/%.o: %.c $(BUILD)/gen/parser.h $(BUILD)/gen/lexer.h $(BUILD)/.flags $(DEPS_FIRST)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

# The command line: repl/ over the embedding API (embed/mgrad.h).
$(MGRAD): $(LIB_OBJ) $(EMBED_OBJ) $(REPL_OBJ)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# ./mgrad at the top, as the README runs it: a link to the plain build.
mgrad: build/mgrad
	@ln -sf build/mgrad mgrad

$(PIC)/%.o: %.c $(BUILD)/gen/parser.h $(BUILD)/gen/lexer.h | $(BUILD)/.deps-ok
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(PIC_CFLAGS) -MMD -MP -c -o $@ $<
$(PIC)/gen/lexer.o: $(BUILD)/gen/lexer.c $(BUILD)/gen/parser.h
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(PIC_GEN_CFLAGS) -c -o $@ $<
$(PIC)/gen/parser.o: $(BUILD)/gen/parser.c $(BUILD)/gen/lexer.h
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(PIC_GEN_CFLAGS) -c -o $@ $<
$(PIC)/gen/parser-lac.o: $(BUILD)/gen/parser-lac.c $(BUILD)/gen/lexer.h
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -Dyyparse=parser_lac_parse $(PIC_GEN_CFLAGS) -c -o $@ $<

$(LIBMGRAD): $(PIC_OBJ)
	$(CC) -shared -Wl,-z,defs -Wl,-soname,libmgrad.so -o $@ $^ -lm

# The embedding API's test drives embed/ from threads.
$(BUILD)/tests/embed_test: tests/unit/embed_test.c $(LIB_OBJ) $(EMBED_OBJ)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -pthread -o $@ $^ $(LDLIBS)

# embed/follow.h's test, over the embedding API.
$(BUILD)/tests/follow_test: tests/unit/follow_test.c $(LIB_OBJ) $(EMBED_OBJ)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c $(LIB_OBJ)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# The engine's own benchmarks, linked like a unit test.
$(BUILD)/bench/kept: bench/kept.c $(LIB_OBJ)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)
$(BUILD)/bench/engine: bench/engine.c bench/peers/common.h $(LIB_OBJ)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $(filter %.c %.o,$^) $(LDLIBS)

# tools/moons: the moons demo's data, from mgrad's own generator.
$(MOONS): tools/moons.c $(BUILD)/engine/random.o
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $^ -lm

# tools/vocab: the lists of words made from the tables, linked like a unit
# test. It writes the man page from docs/mgrad.1.in, and the fuzzer's
# dictionary: tests/fuzz/mgrad.dict and every vocabulary word it lacks.
$(VOCAB): tools/vocab.c $(LIB_OBJ)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(MANPAGE): docs/mgrad.1.in $(VOCAB)
	$(VOCAB) man docs/mgrad.1.in > $@.tmp && mv $@.tmp $@

$(FUZZ_DICT): tests/fuzz/mgrad.dict $(VOCAB)
	$(VOCAB) dict tests/fuzz/mgrad.dict > $@.tmp && mv $@.tmp $@

# The committed data set; not part of `all` (tests/run-moons.sh checks that
# it is what the tool writes).
examples/moons.csv: $(MOONS)
	$(MOONS) > $@

# The WebAssembly module of the page (make web): web/glue.c's functions
# over the embedding API and the same objects, loaded by the page's Web Worker and by Node in the
# tests. The examples ride inside it, in /examples of its file system.
WEB_EXAMPLES := $(wildcard examples/*.mg) examples/moons.csv
WEB_LDFLAGS := -O2 -sMODULARIZE=1 -sEXPORT_NAME=createMgrad \
	-sENVIRONMENT=worker,node -sALLOW_MEMORY_GROWTH=1 -sINVOKE_RUN=0 \
	-sEXIT_RUNTIME=0 -sFORCE_FILESYSTEM=1 -sTOTAL_STACK=1048576 \
	-sEXPORTED_FUNCTIONS=_web_start,_web_resize,_web_run,_web_needs_more,_web_complete,_web_graph,_web_steps,_web_pin,_malloc,_free \
	-sEXPORTED_RUNTIME_METHODS=ccall,cwrap,FS,UTF8ToString \
	$(foreach f,$(WEB_EXAMPLES),--embed-file $(f)@/$(f))
$(BUILD)/mgrad.js: $(LIB_OBJ) $(EMBED_OBJ) $(BUILD)/web/glue.o $(wildcard examples/*.mg)
	$(CC) $(WEB_LDFLAGS) -o $@ $(filter %.o,$^) -lm

$(FUZZ_BIN): tests/fuzz/harness.c interp/interp.h util/source.h $(LIB_OBJ)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) $(FUZZ_WRAP) -o $@ $(filter %.c %.o,$^) $(LDLIBS)

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

# --- what people run --------------------------------------------------------
# The REPL runs as a job of its own (bash's job control gives it the
# terminal), so a Ctrl-C typed in the session reaches mgrad alone and make
# does not end with "Interrupt" and status 130 when the session is left.
run: $(MGRAD) $(TOP_LINK) $(MANPAGE)
	@if [ -t 0 ] && command -v bash >/dev/null 2>&1; then \
	    exec bash -mc '$(MGRAD); status=$$?; exit $$status'; \
	else exec $(MGRAD); fi

check: $(MGRAD) $(LIBMGRAD) $(TEST_BIN) $(MOONS) $(FUZZ_BIN) $(MANPAGE) $(FUZZ_DICT)
	@MGRAD=$(MGRAD) BUILD=$(BUILD) sh tests/run.sh

valgrind: $(MGRAD) $(TEST_BIN)
	@MGRAD=$(MGRAD) BUILD=$(BUILD) sh tests/run-valgrind.sh > $(BUILD)/valgrind.log; \
	cat $(BUILD)/valgrind.log; \
	echo "$$(grep -c '^ok' $(BUILD)/valgrind.log) passed, $$(grep -c '^not ok' $(BUILD)/valgrind.log) failed"; \
	! grep -q '^not ok' $(BUILD)/valgrind.log

bench: $(MGRAD) $(BUILD)/bench/kept $(BUILD)/bench/engine $(MOONS) $(BUILD)/tests/pty_test
	@MGRAD=$(MGRAD) KEPT=$(BUILD)/bench/kept ENGINE=$(BUILD)/bench/engine \
	    PTY=$(BUILD)/tests/pty_test \
	    MOONS_TOOL=$(MOONS) sh bench/run.sh

# The peers of make bench (ADOL-C, Sacado, PyTorch), installed on demand.
bench-peers:
	@sh tools/deps.sh peers

# AFL++ on the harness for FUZZ_SECONDS, with the dictionary
# build/fuzz/mgrad.dict, then the corpus with leak checks; exits 1 on any
# crash, hang or leak (tests/fuzz/fuzz.sh).
fuzz:
	@sh tools/deps.sh fuzz
	@$(MAKE) --no-print-directory WERROR=$(WERROR) FUZZ=1 BUILD=build/fuzz build/fuzz/mgrad-fuzz build/fuzz/mgrad.dict
	@$(MAKE) --no-print-directory WERROR=$(WERROR) SANITIZE=1 BUILD=build/sanitize build/sanitize/mgrad-fuzz
	@FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/fuzz/fuzz.sh build/fuzz build/sanitize/mgrad-fuzz

# The page (docs/web.md): the WebAssembly module, then web/build.sh
# bundles the page into web/dist and prints its size.
web:
	@sh tools/deps.sh web
	@$(MAKE) --no-print-directory WEB=1 BUILD=build/web build/web/mgrad.js
	@sh web/build.sh build/web

serve: web
	@node web/serve.js web/dist

# The notebook kernel and the %%mgrad magic (jupyter/, tools/jupyter.sh).
jupyter: $(LIBMGRAD)
	@sh tools/jupyter.sh "$(CURDIR)" "$(abspath $(LIBMGRAD))"

install: $(MGRAD) $(MANPAGE)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR) $(DESTDIR)$(EXDIR)
	install -m 755 $(MGRAD) $(DESTDIR)$(BINDIR)/mgrad
	install -m 644 $(MANPAGE) $(DESTDIR)$(MANDIR)/mgrad.1
	install -m 755 examples/*.mg $(DESTDIR)$(EXDIR)
	install -m 644 examples/moons.csv $(DESTDIR)$(EXDIR)

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/mgrad $(DESTDIR)$(MANDIR)/mgrad.1
	rm -rf $(DESTDIR)$(EXDIR)

clean:
	rm -rf build mgrad web/dist

help:
	@echo "make            build (warnings shown; CI and check make them errors)"
	@echo "make deps       install missing build tools (apt-get, on Debian/Ubuntu)"
	@echo "make run        install missing build tools, build, start the REPL"
	@echo "make check      build and run the test suite (SANITIZE=1: ASan+UBSan)"
	@echo "make valgrind   scripts and the bad-input corpus under valgrind"
	@echo "make bench      performance figures, with the peers when installed"
	@echo "make bench-peers   install the peers (ADOL-C, Sacado, PyTorch)"
	@echo "make examples/moons.csv   regenerate the moons demo's data"
	@echo "make fuzz       fuzz the interpreter with AFL++ (FUZZ_SECONDS=60)"
	@echo "make web        build the page in web/dist (emscripten, npm)"
	@echo "make serve      build the page and serve it on 127.0.0.1:8000"
	@echo "make jupyter    install Jupyter if missing, register the kernel mgrad"
	@echo "make install    install mgrad, its man page and examples to"
	@echo "                PREFIX=$(PREFIX) (DESTDIR honoured)"
	@echo "make uninstall  remove what make install put under PREFIX"
	@echo "make clean      remove build outputs"
