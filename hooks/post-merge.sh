# git-alembic post-merge: after a merge commit that forked an Alembic history, creates the merge
# revision and folds it into the merge commit (or stages it). Never fails the merge.
if [ "${GIT_ALEMBIC-}" = 0 ]; then exit 0; fi
git_alembic="$git_alembic_package/node_modules/.bin/git-alembic"
if [ ! -x "$git_alembic" ]; then
  git_alembic=$(command -v git-alembic) || {
    echo "git-alembic: not installed in $git_alembic_package/node_modules (run npm install); post-merge skipped" >&2
    exit 0
  }
fi
git_alembic_status=0
"$git_alembic" hook post-merge "$@" || git_alembic_status=$?
# git ignores post-merge's status; 1 (guard mode) is passed on so husky reports it.
if [ "$git_alembic_status" = 1 ]; then exit 1; fi
