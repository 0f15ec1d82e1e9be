# git-alembic post-rewrite: after a rebase that forked an Alembic history, commits the merge
# revision on top (or stages it). git's "<old> <new>" lines arrive in $git_alembic_input.
if [ "${GIT_ALEMBIC-}" = 0 ]; then exit 0; fi
# Only a rebase can leave two heads on one branch here; an amend ends without starting node.
if [ "${1-}" != rebase ]; then exit 0; fi
git_alembic="$git_alembic_package/node_modules/.bin/git-alembic"
if [ ! -x "$git_alembic" ]; then
  git_alembic=$(command -v git-alembic) || {
    echo "git-alembic: not installed in $git_alembic_package/node_modules (run npm install); post-rewrite skipped" >&2
    exit 0
  }
fi
git_alembic_status=0
printf '%s' "$git_alembic_input" | "$git_alembic" hook post-rewrite "$@" || git_alembic_status=$?
# git ignores post-rewrite's status; 1 (guard mode) is passed on so husky reports it.
if [ "$git_alembic_status" = 1 ]; then exit 1; fi
