# git-alembic pre-commit: keeps the heads file current and, while a merge is being concluded,
# adds the merge revision to the merge commit. git-alembic's own failures never block the commit.
if [ "${GIT_ALEMBIC-}" = 0 ]; then exit 0; fi
# node starts only when a Python file or a heads file (heads.txt, or a file .gitattributes gives
# our driver) is staged: one git call, which stops at the first. The pathspec variables are
# cleared so that a user's GIT_LITERAL_PATHSPECS cannot make the patterns literal; a git too old
# for the attr magic fails, and node decides.
if GIT_LITERAL_PATHSPECS= GIT_GLOB_PATHSPECS= GIT_NOGLOB_PATHSPECS= GIT_ICASE_PATHSPECS= \
  git diff --cached --quiet --no-renames --no-ext-diff -- '*.py' heads.txt '*/heads.txt' ':(attr:merge=git-alembic)' 2>/dev/null; then exit 0; fi
git_alembic_run pre-commit "$@" || exit 1
