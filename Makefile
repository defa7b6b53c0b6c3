# srro: build, install and package. Works with GNU make and OpenBSD make.
#
#   make                                  build the jar (Maven) and the shell completions
#   make install PREFIX=/usr/local DESTDIR=
#   make uninstall PREFIX=/usr/local DESTDIR=
#   make deb                              build/srro_<version>_all.deb (dpkg-deb; lintian checks it)
#   make dist                             build/srro-<version>.tar.gz, the OpenBSD port's distfile
#
# BINDIR and DATADIR must stay siblings ($X/bin and $X/share): the launcher finds the jar as
# ../share/srro/srro.jar from its own (symlink-resolved) directory.

PREFIX ?= /usr/local
DESTDIR ?=
BINDIR = $(PREFIX)/bin
DATADIR = $(PREFIX)/share
MANDIR ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(DATADIR)/bash-completion/completions
ZSHCOMPDIR ?= $(DATADIR)/zsh/site-functions
INSTALL ?= install
MVN ?= mvn
JAVA ?= java

VERSION != sed -n 's:^  <version>\(.*\)</version>$$:\1:p' pom.xml
SOURCES != find pom.xml verifier tool \( -name target -o -path '*/src/test' \) -prune -o -type f \( -name '*.java' -o -name pom.xml \
	-o -path '*/src/main/resources/*' \) -print
JAR = tool/target/srro.jar
BUILD = build

all: $(JAR) $(BUILD)/srro.bash $(BUILD)/_srro

$(JAR): $(SOURCES)
	$(MVN) -B -q -DskipTests package

$(BUILD)/srro.bash: $(JAR)
	mkdir -p $(BUILD)
	$(JAVA) -jar $(JAR) generate-completion > $@.tmp
	mv -f $@.tmp $@

# zsh loads the bash completion through bashcompinit; the path is the installed one.
$(BUILD)/_srro: contrib/completion/_srro.in
	mkdir -p $(BUILD)
	sed 's:@BASHCOMPDIR@:$(BASHCOMPDIR):g' contrib/completion/_srro.in > $@.tmp
	mv -f $@.tmp $@

install: all
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/srro $(DESTDIR)$(MANDIR)/man8 \
		$(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR)
	$(INSTALL) -m 0755 srro $(DESTDIR)$(BINDIR)/srro
	$(INSTALL) -m 0644 $(JAR) $(DESTDIR)$(DATADIR)/srro/srro.jar
	$(INSTALL) -m 0644 docs/srro.8 $(DESTDIR)$(MANDIR)/man8/srro.8
	$(INSTALL) -m 0644 $(BUILD)/srro.bash $(DESTDIR)$(BASHCOMPDIR)/srro
	$(INSTALL) -m 0644 $(BUILD)/_srro $(DESTDIR)$(ZSHCOMPDIR)/_srro

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/srro $(DESTDIR)$(DATADIR)/srro/srro.jar $(DESTDIR)$(MANDIR)/man8/srro.8 \
		$(DESTDIR)$(BASHCOMPDIR)/srro $(DESTDIR)$(ZSHCOMPDIR)/_srro
	-rmdir $(DESTDIR)$(DATADIR)/srro 2>/dev/null

# ---- Debian package: architecture all, staged with make install, built with dpkg-deb as root:root -----------
DEB = $(BUILD)/srro_$(VERSION)_all.deb
DEBROOT = $(BUILD)/debroot
# Set MAINTAINER to whoever answers for the packages you hand out.
MAINTAINER ?= srro packaging <srro-packaging@example.org>
EPOCH != git log -1 --format=%ct 2>/dev/null || date +%s

deb: $(DEB)

$(DEB): all contrib/debian/control.in contrib/debian/copyright contrib/debian/changelog.in
	rm -rf $(DEBROOT)
	$(MAKE) install DESTDIR=$(DEBROOT) PREFIX=/usr MANDIR=/usr/share/man \
		ZSHCOMPDIR=/usr/share/zsh/vendor-completions
	gzip -9n $(DEBROOT)/usr/share/man/man8/srro.8
	$(INSTALL) -d $(DEBROOT)/DEBIAN $(DEBROOT)/usr/share/doc/srro
	$(INSTALL) -m 0644 contrib/debian/copyright $(DEBROOT)/usr/share/doc/srro/copyright
	sed -e 's|@VERSION@|$(VERSION)|' -e 's|@MAINTAINER@|$(MAINTAINER)|' -e "s|@DATE@|$$(LC_ALL=C date -u -d @$(EPOCH) -R)|" \
		contrib/debian/changelog.in > $(DEBROOT)/usr/share/doc/srro/changelog
	gzip -9n $(DEBROOT)/usr/share/doc/srro/changelog
	chmod 0644 $(DEBROOT)/usr/share/doc/srro/changelog.gz
	sed -e 's|@VERSION@|$(VERSION)|' -e 's|@MAINTAINER@|$(MAINTAINER)|' \
		-e "s|@SIZE@|$$(du -sk $(DEBROOT)/usr | cut -f 1)|" contrib/debian/control.in \
		> $(DEBROOT)/DEBIAN/control
	(cd $(DEBROOT) && find usr -type f -exec md5sum {} + | sort -k 2) > $(DEBROOT)/DEBIAN/md5sums
	chmod 0644 $(DEBROOT)/DEBIAN/control $(DEBROOT)/DEBIAN/md5sums
	SOURCE_DATE_EPOCH=$(EPOCH) dpkg-deb --root-owner-group -Zgzip --build $(DEBROOT) $@.tmp
	mv -f $@.tmp $@

# ---- the distfile of contrib/openbsd: what do-install needs, nothing to build ------------------------------
DIST = $(BUILD)/srro-$(VERSION)

dist: all
	rm -rf $(DIST) $(DIST).tar.gz
	mkdir -p $(DIST)
	cp srro $(JAR) docs/srro.8 $(BUILD)/srro.bash contrib/completion/_srro.in $(DIST)/
	(cd $(BUILD) && tar -czf srro-$(VERSION).tar.gz srro-$(VERSION))
	rm -rf $(DIST)

lintian: $(DEB)
	lintian --fail-on error $(DEB)

clean:
	rm -rf $(BUILD)

.PHONY: all install uninstall deb dist lintian clean
