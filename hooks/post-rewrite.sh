# git-alembic post-rewrite: after a rebase that forked an Alembic history, commits the merge
# revision on top (or stages it). git's "<old> <new>" lines arrive in $git_alembic_input.
if [ "${GIT_ALEMBIC-}" = 0 ]; then exit 0; fi
# Only a rebase can leave two heads on one branch here; an amend ends without starting node.
if [ "${1-}" != rebase ]; then exit 0; fi
# git ignores post-rewrite's status; 1 (guard mode) is passed on so husky reports it.
printf '%s' "$git_alembic_input" | git_alembic_run post-rewrite "$@" || exit 1
