# git-alembic pre-commit: keeps the heads file current and, while a merge is being concluded,
# adds the merge revision to the merge commit. git-alembic's own failures never block the commit.
if [ "${GIT_ALEMBIC-}" = 0 ]; then exit 0; fi
git_alembic_run pre-commit "$@" || exit 1
