#!/usr/bin/env bash
# Drive the real pre-commit in a throw-away git repository.
#
#   precommit-repo.sh SRC_ROOT INITCHECK WORK HOOK_ID [ARGS_YAML]
#
# Installs hook HOOK_ID from SRC_ROOT/.pre-commit-hooks.yaml (copied into a
# local hooks repository, so pre-commit clones a path, never the network),
# with PATH holding the directory of INITCHECK (build/bin, where the hook
# entry points are). Then: a clean first commit, a commit introducing a
# section mismatch (must be rejected), the fix (accepted), and a new file
# compile_commands.json does not know (rejected). Prints "STEP <name>: rc=N"
# after the output of each commit.
set -u
src=$1 initcheck=$2 work=$3 hook=$4 args=${5:-"[-p, build]"}
inputs=$(cd "$(dirname "$0")/../../Inputs" && pwd)

rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 2
export PATH="$(dirname "$initcheck"):$PATH"
export HOME=$work/home PRE_COMMIT_HOME=$work/pre-commit-cache
export GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=initcheck GIT_AUTHOR_EMAIL=initcheck@example.invalid
export GIT_COMMITTER_NAME=initcheck GIT_COMMITTER_EMAIL=initcheck@example.invalid
export TERM=dumb NO_COLOR=1
mkdir -p "$HOME"
git config --global init.defaultBranch main
git config --global protocol.file.allow always

# The hooks repository: this checkout's .pre-commit-hooks.yaml.
mkdir hooks && cp "$src/.pre-commit-hooks.yaml" hooks/ &&
  git -C hooks init -q && git -C hooks add .pre-commit-hooks.yaml &&
  git -C hooks commit -q -m hooks || exit 2
rev=$(git -C hooks rev-parse HEAD)

mkdir repo && cd repo && git init -q || exit 2
cp "$inputs/kernel-init.h" .
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $work/hooks
    rev: $rev
    hooks:
      - id: $hook
        args: $args
YAML
mkdir build
cat > build/compile_commands.json <<JSON
[{"directory": "$work/repo", "file": "drv.c",
  "command": "clang-19 -I. -c drv.c -o build/drv.o"}]
JSON
cp build/compile_commands.json .
cat > drv.c <<'C'
#include <stddef.h>
#include "kernel-init.h"

static int __init drv_setup(void) { return 0; }
int drv_size(void) { return sizeof(size_t); }
C
pre-commit install >/dev/null || exit 2
commit() {
  git add "$@" && git commit -q -m "$step" 2>&1
  echo "STEP $step: rc=$?"
}
step=clean commit .pre-commit-config.yaml kernel-init.h drv.c

cat >> drv.c <<'C'
int (*drv_hook)(void) = drv_setup;
C
step=mismatch commit drv.c

sed -i 's/^int (\*drv_hook)(void) = drv_setup;/static int (*drv_hook)(void) __initdata = drv_setup;/' drv.c
step=fixed commit drv.c

echo 'int other;' > other.c
step=unlisted commit other.c
git log --format='LOG %s'
