#!/bin/sh
# Runs the web server given as arguments with exactly one timed-tasks loop (scheduled publishing,
# booking reminders and expiries: settings.PERIODIC_COMMANDS)
# beside it (`manage.py publish_on_schedule`), and stops the loop when the
# server stops: used by `make run`, `make serve` and the container.
# PYTHON picks the interpreter (default: .venv/bin/python, else python);
# PUBLISH_EVERY the seconds between rounds (default 60).
set -u
PYTHON=${PYTHON:-$( [ -x .venv/bin/python ] && echo .venv/bin/python || echo python )}

# The trap is set before anything starts: a stop request that arrives while the
# children are still starting must not kill this script and orphan them.
# Ctrl-C or a stop request goes to the server (a background job here, so it
# would not see Ctrl-C itself); the loop stops once the server has stopped.
server=
stopping=0
trap 'stopping=1; [ -z "$server" ] || kill -TERM "$server" 2>/dev/null' INT TERM

# The loop is started again if it dies (killed, out of memory), so scheduled posts and
# booking reminders never stop quietly while the site runs; it says so on stderr.
# The loop watches this script's PID ($$ is this script's in the subshell too) and stops once it is gone.
(
  child=
  trap '[ -z "$child" ] || kill -TERM "$child" 2>/dev/null; exit 0' INT TERM
  while kill -0 $$ 2>/dev/null; do
    PUBLISH_STOP_WITH=$$ "$PYTHON" manage.py publish_on_schedule --every "${PUBLISH_EVERY:-60}" &
    child=$!
    wait "$child"
    ended=$?
    kill -0 $$ 2>/dev/null || exit 0
    echo "The timed-tasks loop stopped (status $ended); starting it again in 5 s." >&2
    sleep 5 &
    wait $!  # a stop request ends the wait at once
  done
) &
publisher=$!
"$@" &
server=$!
# A request that came before $server was known is passed on now.
[ "$stopping" = 0 ] || kill -TERM "$server" 2>/dev/null

status=0
wait "$server" || status=$?
# A signal interrupts the first wait; wait again until the server has really stopped.
while kill -0 "$server" 2>/dev/null; do wait "$server" || status=$?; done
kill -TERM "$publisher" 2>/dev/null
wait "$publisher" 2>/dev/null
exit "$status"
