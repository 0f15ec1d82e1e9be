# git-alembic post-merge: after a merge commit that forked an Alembic history, creates the merge
# revision and folds it into the merge commit (or stages it). Never fails the merge.
if [ "${GIT_ALEMBIC-}" = 0 ]; then exit 0; fi
# Only a merge that brought in a revision file can have forked a history: one git call looks for
# Python files whose changed lines name a revision, and anything else ends here without starting
# node. $1 is 0 after a merge (git-alembic tells a fast-forward apart) and 1 after --squash, whose
# changes are staged while HEAD stays.
git_alembic_revision_lines='revision|branch_labels|depends_on'
case "${1-}" in
  0) git_alembic_changed=$(git diff-tree -r --name-only -G "$git_alembic_revision_lines" HEAD^1 HEAD -- '*.py' 2>/dev/null) || exit 0 ;;
  1) git_alembic_changed=$(git diff --cached --name-only -G "$git_alembic_revision_lines" -- '*.py') || exit 0 ;;
  *) exit 0 ;;
esac
if [ -z "$git_alembic_changed" ]; then exit 0; fi
# git ignores post-merge's status; 1 (guard mode) is passed on so husky reports it.
git_alembic_run post-merge "$@" || exit 1
