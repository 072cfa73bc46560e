"""Entry script of pulumi-ovirt's Python language host (embedded in pulumi-language-python).

The host runs `python pulumi_exec.py <options> <program> <args>`. This script connects the Pulumi
Python SDK to the engine's resource monitor, loads the stack's configuration from PULUMI_CONFIG and
PULUMI_CONFIG_SECRET_KEYS, and runs the program inside a stack. It uses public SDK calls only.

Exit codes: 0 success; 32 the program failed and the error was already sent to the engine (the host
answers "bail"); 33 the Pulumi SDK does not import in this interpreter.
"""

import argparse
import asyncio
import json
import os
import runpy
import sys
import traceback
from concurrent.futures import ThreadPoolExecutor

ERROR_REPORTED = 32
NO_PULUMI_SDK = 33


def parse_options(argv):
    parser = argparse.ArgumentParser(prog="pulumi_exec.py", allow_abbrev=False)
    parser.add_argument("--monitor", required=True)
    parser.add_argument("--engine", default=None)
    parser.add_argument("--project", required=True)
    parser.add_argument("--stack", required=True)
    parser.add_argument("--pwd", default=None)
    parser.add_argument("--root_directory", default=None)
    parser.add_argument("--organization", default=None)
    parser.add_argument("--dry_run", choices=["true", "false"], default="false")
    parser.add_argument("--parallel", type=int, default=0)
    parser.add_argument("program", help='a .py file, or a directory with __main__.py ("." by default)')
    parser.add_argument("args", nargs=argparse.REMAINDER)
    return parser.parse_args(argv)


def json_from_env(name, empty):
    """A JSON value from the environment; unset, empty or null counts as `empty`."""
    text = os.environ.get(name, "")
    value = json.loads(text) if text.strip() else None
    return empty if value is None else value


def program_traceback(error, program_dir):
    """The traceback of an error, keeping only the program's own frames when it has any."""
    details = traceback.TracebackException.from_exception(error)
    own = [
        frame
        for frame in details.stack
        if not frame.filename.startswith("<") and os.path.abspath(frame.filename).startswith(program_dir + os.sep)
    ]
    if own:
        details.stack = traceback.StackSummary.from_list(own)
    return "".join(details.format())


def cancel_pending(loop):
    """Cancels what a failed program left running, so closing the loop prints no warnings."""
    pending = asyncio.all_tasks(loop)
    for task in pending:
        task.cancel()
    if pending:
        loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))


def main(argv):
    options = parse_options(argv)
    if options.pwd:
        os.chdir(options.pwd)
    program = os.path.abspath(options.program)
    program_dir = program if os.path.isdir(program) else os.path.dirname(program)
    # As `python <program>` would: the program's own modules import, and sys.argv is the program's.
    sys.path.insert(0, program_dir)
    sys.argv = [program, *options.args]

    try:
        import grpc
        import pulumi
        import pulumi.runtime
    except ImportError as error:
        print(f"pulumi-language-python: cannot import the Pulumi SDK with {sys.executable}: {error}", file=sys.stderr)
        return NO_PULUMI_SDK

    pulumi.runtime.reset_options(
        project=options.project,
        stack=options.stack,
        root_directory=options.root_directory,
        parallel=options.parallel,
        engine_address=options.engine,
        monitor_address=options.monitor,
        preview=options.dry_run == "true",
        organization=options.organization,
    )
    pulumi.runtime.set_all_config(
        json_from_env("PULUMI_CONFIG", {}),
        json_from_env("PULUMI_CONFIG_SECRET_KEYS", []),
    )

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    # The SDK sends each registration from a worker thread: allow as many at once as the engine may run.
    loop.set_default_executor(ThreadPoolExecutor(max_workers=max(options.parallel, 8)))

    def run_program():
        runpy.run_path(program, run_name="__main__")

    try:
        loop.run_until_complete(pulumi.runtime.run_in_stack(run_program))
        return 0
    except pulumi.RunError as error:
        # RunError is the SDK's "stop with this message": no traceback.
        pulumi.log.error(str(error))
        return ERROR_REPORTED
    except grpc.RpcError as error:
        if error.code() == grpc.StatusCode.UNAVAILABLE:
            # The engine closed the monitor: it stopped the update and reports why itself.
            return ERROR_REPORTED
        pulumi.log.error(f"the Pulumi engine refused a call from the program: {error.details()}")
        return ERROR_REPORTED
    except Exception as error:  # noqa: BLE001 - any failure of the program is the user's to see
        pulumi.log.error(f"the Python program failed:\n{program_traceback(error, program_dir)}")
        return ERROR_REPORTED
    finally:
        cancel_pending(loop)
        loop.close()
        sys.stdout.flush()
        sys.stderr.flush()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
