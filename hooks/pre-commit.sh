# git-alembic pre-commit: keeps the heads file current and, while a merge is being concluded,
# adds the merge revision to the merge commit. git-alembic's own failures never block the commit.
if [ "${GIT_ALEMBIC-}" = 0 ]; then exit 0; fi
# node starts only when a Python file or a heads file (heads.txt, or a file .gitattributes gives
# our driver) is staged: one git call lists them, and node takes that list from
# GIT_ALEMBIC_STAGED instead of asking git again (names git would quote come quoted; a list too
# long for the environment is left for node to ask). The pathspec variables are cleared so that
# a user's GIT_LITERAL_PATHSPECS cannot make the patterns literal; a git too old for the attr
# magic fails, and node decides.
unset GIT_ALEMBIC_STAGED
if git_alembic_staged=$(GIT_LITERAL_PATHSPECS= GIT_GLOB_PATHSPECS= GIT_NOGLOB_PATHSPECS= GIT_ICASE_PATHSPECS= \
  git -c core.quotePath=false diff --cached --name-only --no-renames --no-ext-diff -- '*.py' heads.txt '*/heads.txt' ':(attr:merge=git-alembic)' 2>/dev/null); then
  if [ -z "$git_alembic_staged" ]; then exit 0; fi
  if [ "${#git_alembic_staged}" -le 65536 ]; then export GIT_ALEMBIC_STAGED="$git_alembic_staged"; fi
fi
git_alembic_run pre-commit "$@" || exit 1
