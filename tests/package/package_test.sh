#!/usr/bin/env bash
# The Debian package as a user gets it: unpacked into a scratch root with
# dpkg -x, its binary runs the offline demo and writes a report, its man page
# renders and matches the binary, its bash completion completes, and its
# systemd units pass systemd-analyze verify. Checks whose tool is missing are
# skipped with a message.
#   tests/package/package_test.sh [PACKAGE.deb]   (default: built by scripts/package)
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)

fail() { echo "package test FAILED: $*" >&2; exit 1; }
ok() { echo "package test: $*"; }
skip() { echo "package test: SKIPPED $*"; }

version=$(sed -n 's/^project(jobcrawler VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
deb=${1:-}
if [ -z "$deb" ]; then
  out=$(scripts/package 2>&1) || fail "scripts/package: $out"
  deb=build/jobcrawler_${version}_amd64.deb
fi
[ -f "$deb" ] || fail "no package $deb"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
root=$scratch/root
mkdir -p "$root" "$scratch/work"

# Control data: name, version, library dependencies, the config as a conffile.
field() { dpkg-deb --field "$deb" "$1"; }
[ "$(field Package)" = jobcrawler ] || fail "Package: $(field Package)"
[ "$(field Version)" = "$version" ] || fail "Version: $(field Version), expected $version"
[ "$(field Architecture)" = amd64 ] || fail "Architecture: $(field Architecture)"
for library in libc6 libcurl4 libsqlite3-0 libstdc++6; do
  field Depends | grep -q "$library" || fail "Depends lacks $library: $(field Depends)"
done
dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./conffiles | grep -qx /etc/jobcrawler/config.toml ||
  fail "/etc/jobcrawler/config.toml is not a conffile"
ok "control fields and conffiles"

# Files.
dpkg -x "$deb" "$root"
bin=$root/usr/bin/jobcrawler
for file in usr/bin/jobcrawler etc/jobcrawler/config.toml usr/share/man/man1/jobcrawler.1.gz \
            usr/share/bash-completion/completions/jobcrawler \
            usr/lib/systemd/system/jobcrawler.service usr/lib/systemd/system/jobcrawler.timer; do
  [ -f "$root/$file" ] || fail "missing /$file"
done
[ -x "$bin" ] || fail "/usr/bin/jobcrawler is not executable"
cmp -s "$root/etc/jobcrawler/config.toml" config.toml || fail "the packaged config is not config.toml"
[ "$("$bin" --version)" = "jobcrawler $version" ] || fail "--version: $("$bin" --version)"
ok "files in place"

# The installed binary works offline: the demo, then a report of what it found.
(cd "$scratch/work" && "$bin" demo --quiet --db demo.db --output jobs.csv >demo.out) ||
  fail "demo failed: $(cat "$scratch/work/demo.out")"
[ "$(wc -l <"$scratch/work/jobs.csv")" -gt 1 ] || fail "the demo's CSV has no postings"
(cd "$scratch/work" &&
  "$bin" report --config "$root/etc/jobcrawler/config.toml" --db demo.db --output report.html) ||
  fail "report failed"
grep -q '<tr><td><a href="http://127.0.0.1' "$scratch/work/report.html" ||
  fail "the report lists no demo posting"
ok "demo and report ran offline"

# The man page is the binary's own and renders.
zcat "$root/usr/share/man/man1/jobcrawler.1.gz" | cmp -s - <("$bin" --help-man) ||
  fail "the man page differs from jobcrawler --help-man"
if command -v man >/dev/null; then
  # man-db's seccomp sandbox can fail in containers; groff's warnings must not.
  LC_ALL=C.UTF-8 MAN_DISABLE_SECCOMP=1 MANWIDTH=100 \
    man --warnings -l "$root/usr/share/man/man1/jobcrawler.1.gz" 2>"$scratch/man.err" |
    col -b >"$scratch/man.txt"
  ! grep -qi warning "$scratch/man.err" || fail "man warns: $(cat "$scratch/man.err")"
  grep -q "jobcrawler report" "$scratch/man.txt" || fail "the man page lacks the report command"
  ok "man page renders"
else
  skip "man page rendering: man is not installed"
fi

# Bash completion.
completion=$root/usr/share/bash-completion/completions/jobcrawler
bash -n "$completion" || fail "the bash completion has a syntax error"
words=$(bash -c "source '$completion'; COMP_WORDS=(jobcrawler rep); COMP_CWORD=1; _jobcrawler;
                 echo \"\${COMPREPLY[*]}\"")
[ "$words" = report ] || fail "completing 'jobcrawler rep' gave '$words'"
ok "bash completion completes"

# systemd units, checked against the host's own units (for the targets they
# name) with the package's files in front; verify only warns, so any output
# is a failure.
if command -v systemd-analyze >/dev/null && [ -d /lib/systemd/system ]; then
  units=$root/usr/lib/systemd/system
  cp -an /lib/systemd/system/. "$units/"
  out=$(systemd-analyze verify --man=no --root="$root" "$units/jobcrawler.service" \
        "$units/jobcrawler.timer" 2>&1) || fail "systemd-analyze verify: $out"
  [ -z "$out" ] || fail "systemd-analyze verify: $out"
  grep -q '^ExecStart=/usr/bin/jobcrawler crawl' "$units/jobcrawler.service" ||
    fail "the service does not run /usr/bin/jobcrawler"
  # The sandbox: an exposure of at most 2.0 on systemd's 0-10 scale.
  if exposure=$(systemd-analyze security --offline=true --root="$root" --threshold=20 \
                jobcrawler.service 2>&1); then
    ok "units verify; $(echo "$exposure" | grep -o 'Overall exposure level.*')"
  else
    fail "systemd-analyze security: $(echo "$exposure" | tail -1)"
  fi
else
  skip "unit checks: systemd-analyze is not installed"
fi
ok "all checks passed for $deb"
