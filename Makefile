# rawcap — see README.md. Every target works on a fresh machine with only Go;
# tests that need tcpdump/tshark/root skip with a message where they are absent.

GO        ?= go
BIN       ?= bin/rawcap
FUZZTIME  ?= 30s
BENCHTIME ?= 1s
STATICCHECK_VERSION ?= v0.8.2
PREFIX    ?= /usr/local
DESTDIR   ?=
GEN       := $(dir $(BIN))
LDFLAGS   := -s -w -X main.version=$(shell git describe --tags --always --dirty 2>/dev/null || echo devel)
export TZ := UTC

.PHONY: build man completion install test test-priv fuzz bench golden lint cross demo clean

build:
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/rawcap

# The manual page, made by the binary from its own help text (rawcap man).
man: build
	$(BIN) man > $(GEN)rawcap.1

# Completion scripts for bash, zsh and fish, made from the same flag tables.
completion: build
	$(BIN) completion bash > $(GEN)rawcap.bash
	$(BIN) completion zsh > $(GEN)_rawcap
	$(BIN) completion fish > $(GEN)rawcap.fish

# Install the binary, the manual page and the completions under DESTDIR/PREFIX.
install: build man completion
	install -D -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/rawcap
	install -D -m 644 $(GEN)rawcap.1 $(DESTDIR)$(PREFIX)/share/man/man1/rawcap.1
	install -D -m 644 $(GEN)rawcap.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/rawcap
	install -D -m 644 $(GEN)_rawcap $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_rawcap
	install -D -m 644 $(GEN)rawcap.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/rawcap.fish

# The whole suite, oracles included (they skip where tcpdump/tshark/../shared are missing).
test:
	CGO_ENABLED=0 $(GO) vet ./...
	$(GO) test -count=1 -timeout 60m ./...

# Only the tests that need root (network namespaces, live capture, kernel filters).
test-priv:
	$(GO) test -count=1 -timeout 20m -run 'Live|Kernel|Netns|Capture' ./capture/... ./filter/... ./internal/netns/... ./cmd/rawcap/...

# Every fuzz target, each for FUZZTIME.
fuzz:
	@set -e; for pkg in $$($(GO) list ./...); do \
	  for t in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz' || true); do \
	    echo "== $$pkg $$t"; $(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) $$pkg; \
	  done; done

bench:
	$(GO) test -run '^$$' -bench . -benchmem -benchtime $(BENCHTIME) ./...

# Rewrite the golden files under testdata/ (and the README's pictures under
# docs/) from the current code.
golden:
	$(GO) test -count=1 ./decode/ ./cmd/rawcap/ -update

lint:
	$(GO) mod tidy -diff
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); echo 'gofmt: the files above need formatting'; exit 1; }
	$(GO) vet ./...
	$(GO) run honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION) ./...

cross:
	CGO_ENABLED=0 GOOS=linux  GOARCH=arm64 $(GO) build -o /dev/null ./...
	CGO_ENABLED=0 GOOS=darwin GOARCH=arm64 $(GO) build -o /dev/null ./...
	CGO_ENABLED=0 GOOS=windows GOARCH=amd64 $(GO) build -o /dev/null ./...

# Build rawcap and run its main job on the project's own bundled capture.
demo: build
	$(BIN) info testdata/demo.pcap
	$(BIN) read -c 15 testdata/demo.pcap
	$(BIN) convert testdata/demo.pcap bin/demo.pcapng
	$(BIN) info bin/demo.pcapng
	$(BIN) stats conv tcp testdata/demo.pcap
	$(BIN) stats phs testdata/demo.pcap
	$(BIN) stats io --interval 0.0002 --plot bin/demo-io.png testdata/demo.pcap
	$(BIN) stats conv tcp --plot bin/demo-conv.png testdata/demo.pcap > /dev/null
	@echo "pictures: bin/demo-io.png bin/demo-conv.png (docs/stats-*.svg are the same, redrawn by make golden)"

clean:
	rm -rf bin
