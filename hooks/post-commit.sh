# git-alembic post-commit: warns when the commit just made left two heads on one branch (a
# cherry-pick, a commit that skipped pre-commit). Every commit a rebase replays ends here
# (post-rewrite looks at the rebase as a whole), and so does every commit in which no changed
# line of a Python file names a revision, without starting node.
if [ "${GIT_ALEMBIC-}" = 0 ]; then exit 0; fi
git_alembic_git_dir=$(git rev-parse --git-dir) || exit 0
if [ -d "$git_alembic_git_dir/rebase-merge" ] || [ -d "$git_alembic_git_dir/rebase-apply" ]; then exit 0; fi
git_alembic_changed=$(git diff-tree -r -m --root --no-commit-id --name-only -G 'revision|branch_labels|depends_on' HEAD -- '*.py') || exit 0
if [ -z "$git_alembic_changed" ]; then exit 0; fi
# git ignores post-commit's status; 1 (guard mode) is passed on so husky reports it.
git_alembic_run post-commit "$@" || exit 1
