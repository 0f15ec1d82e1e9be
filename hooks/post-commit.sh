# git-alembic post-commit: warns when the commit just made left two heads on one branch (a
# cherry-pick, a commit that skipped pre-commit). Every commit a rebase replays ends here
# (post-rewrite looks at the rebase as a whole), and so does every commit in which no changed
# line of a Python file names a revision, without starting node.
if [ "${GIT_ALEMBIC-}" = 0 ]; then exit 0; fi
git_alembic_git_dir=$(git rev-parse --git-dir) || exit 0
if [ -d "$git_alembic_git_dir/rebase-merge" ] || [ -d "$git_alembic_git_dir/rebase-apply" ]; then exit 0; fi
git_alembic_changed=$(git diff-tree -r -m --root --no-commit-id --name-only -G 'revision|branch_labels|depends_on' HEAD -- '*.py') || exit 0
if [ -z "$git_alembic_changed" ]; then exit 0; fi
git_alembic="$git_alembic_package/node_modules/.bin/git-alembic"
if [ ! -x "$git_alembic" ]; then
  git_alembic=$(command -v git-alembic) || {
    echo "git-alembic: not installed in $git_alembic_package/node_modules (run npm install); post-commit skipped" >&2
    exit 0
  }
fi
git_alembic_status=0
"$git_alembic" hook post-commit "$@" || git_alembic_status=$?
# git ignores post-commit's status; 1 (guard mode) is passed on so husky reports it.
if [ "$git_alembic_status" = 1 ]; then exit 1; fi
