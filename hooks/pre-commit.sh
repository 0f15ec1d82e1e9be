# git-alembic pre-commit: keeps the heads file current and, while a merge is being concluded,
# adds the merge revision to the merge commit. git-alembic's own failures never block the commit.
if [ "${GIT_ALEMBIC-}" = 0 ]; then exit 0; fi
git_alembic="$git_alembic_package/node_modules/.bin/git-alembic"
if [ ! -x "$git_alembic" ]; then
  git_alembic=$(command -v git-alembic) || {
    echo "git-alembic: not installed in $git_alembic_package/node_modules (run npm install); pre-commit skipped" >&2
    exit 0
  }
fi
git_alembic_status=0
"$git_alembic" hook pre-commit "$@" || git_alembic_status=$?
# 1 asks to stop the commit (guard mode); any other status is a failure the hook reported itself.
if [ "$git_alembic_status" = 1 ]; then exit 1; fi
