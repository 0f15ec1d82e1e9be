# git-alembic post-commit: warns when the commit just made left two heads on one branch (a
# cherry-pick, a commit that skipped pre-commit). Every commit a rebase replays ends here
# (post-rewrite looks at the rebase as a whole), and so does every commit in which no changed
# line of a Python file names a revision, or whose tree and parents pre-commit has just checked,
# without starting node.
if [ "${GIT_ALEMBIC-}" = 0 ]; then exit 0; fi
# The git directory without starting git: GIT_DIR, or .git (in linked worktrees and submodules a
# file naming it, relative to the top level, where hooks start).
git_alembic_git_dir=${GIT_DIR:-.git}
if [ -f "$git_alembic_git_dir" ] && IFS= read -r git_alembic_line < "$git_alembic_git_dir"; then git_alembic_git_dir=${git_alembic_line#gitdir: }; fi
if [ ! -d "$git_alembic_git_dir" ]; then git_alembic_git_dir=$(git rev-parse --git-dir) || exit 0; fi
if [ -d "$git_alembic_git_dir/rebase-merge" ] || [ -d "$git_alembic_git_dir/rebase-apply" ]; then exit 0; fi
# One git call: the commit's tree and parents (up to the first `;`), then the Python files whose
# changed lines name a revision; nothing at all when there are none.
git_alembic_changed=$(GIT_LITERAL_PATHSPECS= GIT_GLOB_PATHSPECS= GIT_NOGLOB_PATHSPECS= GIT_ICASE_PATHSPECS= \
  git diff-tree -r -m --root --name-only --format='%T %P;' -G 'revision|branch_labels|depends_on' HEAD -- '*.py') || exit 0
if [ -z "$git_alembic_changed" ]; then exit 0; fi
# pre-commit notes the tree and parents of a commit it found nothing to warn of; a note serves once.
git_alembic_checked="$git_alembic_git_dir/git-alembic/pre-commit-checked"
if [ -f "$git_alembic_checked" ] && { IFS= read -r git_alembic_line && [ "$git_alembic_line" = "${git_alembic_changed%%;*}" ]; } < "$git_alembic_checked"; then
  : > "$git_alembic_checked"
  exit 0
fi
# git ignores post-commit's status; 1 (guard mode) is passed on so husky reports it.
git_alembic_run post-commit "$@" || exit 1
