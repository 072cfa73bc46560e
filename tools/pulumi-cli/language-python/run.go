package main

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// execScript is the entry script Python runs: it connects the Pulumi SDK to the engine and runs
// the program inside a stack. The PyPI `pulumi` package has none, so the host carries its own.
//
//go:embed exec.py
var execScript []byte

// Exit codes of exec.py.
const (
	// The program failed and exec.py already reported why through the engine: answer "bail".
	exitAfterReportedError = 32
	// The Pulumi Python SDK does not import in this interpreter.
	exitNoPulumiSDK = 33
)

// Run executes a Python program:
// `python exec.py --monitor A --engine A --project P --stack S --pwd D --dry_run B --parallel N
// [--root_directory R] [--organization O] <entry point> <args>`, with the stack's configuration in
// PULUMI_CONFIG (a JSON object, `{}` when empty) and PULUMI_CONFIG_SECRET_KEYS (a JSON list).
func (h *pythonHost) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	info := req.GetInfo()
	python, err := interpreterFor(info)
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	script, cleanup, err := writeExecScript()
	if err != nil {
		return nil, err
	}
	defer cleanup()

	configEnv, err := configEnvironment(req)
	if err != nil {
		return nil, err
	}

	args := append([]string{script}, programFlags(req, h.engine())...)
	args = append(args, entryPointOf(req))
	args = append(args, req.GetArgs()...)
	cmd := exec.CommandContext(ctx, python.executable, args...)
	cmd.Dir = req.GetPwd()
	cmd.Env = append(python.env(os.Environ()), configEnv...)
	// Unbuffered, so print() output and the engine's messages appear in the order they happened.
	cmd.Env = append(cmd.Env, "PYTHONUNBUFFERED=1")
	// The CLI shows what the host writes: the program's own prints reach the user.
	cmd.Stdout = os.Stdout
	cmd.Stderr = os.Stderr

	return runResponse(cmd.Run(), python.executable), nil
}

func runResponse(err error, python string) *pulumirpc.RunResponse {
	var exitErr *exec.ExitError
	switch {
	case err == nil:
		return &pulumirpc.RunResponse{}
	case errors.As(err, &exitErr) && exitErr.ExitCode() == exitAfterReportedError:
		return &pulumirpc.RunResponse{Bail: true}
	case errors.As(err, &exitErr) && exitErr.ExitCode() == exitNoPulumiSDK:
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("the Pulumi Python SDK is not installed for %s: "+
			"run `pip install -r requirements.txt` with that interpreter (or name a virtualenv in Pulumi.yaml)", python)}
	case errors.As(err, &exitErr):
		return &pulumirpc.RunResponse{
			Error: fmt.Sprintf("the Python program exited with code %d (see its output above)", exitErr.ExitCode()),
		}
	default:
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("could not start %s: %v", python, err)}
	}
}

// writeExecScript puts the embedded entry script in a private temporary directory for one run.
func writeExecScript() (string, func(), error) {
	dir, err := os.MkdirTemp("", "pulumi-language-python-")
	if err != nil {
		return "", nil, err
	}
	path := filepath.Join(dir, "pulumi_exec.py")
	if err := os.WriteFile(path, execScript, 0o600); err != nil {
		_ = os.RemoveAll(dir)
		return "", nil, err
	}
	return path, func() { _ = os.RemoveAll(dir) }, nil
}

// configEnvironment is the stack's configuration as the Python SDK reads it. An empty config must
// be `{}`: the SDK fails on `null`.
func configEnvironment(req *pulumirpc.RunRequest) ([]string, error) {
	config := req.GetConfig()
	if config == nil {
		config = map[string]string{}
	}
	secretKeys := req.GetConfigSecretKeys()
	if secretKeys == nil {
		secretKeys = []string{}
	}
	configJSON, err := json.Marshal(config)
	if err != nil {
		return nil, err
	}
	secretsJSON, err := json.Marshal(secretKeys)
	if err != nil {
		return nil, err
	}
	return []string{"PULUMI_CONFIG=" + string(configJSON), "PULUMI_CONFIG_SECRET_KEYS=" + string(secretsJSON)}, nil
}

// programFlags are exec.py's options, in the underscored spelling upstream's entry script uses;
// optional ones only when they have a value.
func programFlags(req *pulumirpc.RunRequest, engine string) []string {
	flags := []string{
		"--monitor", req.GetMonitorAddress(),
		"--project", req.GetProject(),
		"--stack", req.GetStack(),
		"--pwd", req.GetPwd(),
		"--dry_run", strconv.FormatBool(req.GetDryRun()),
		"--parallel", strconv.Itoa(int(req.GetParallel())),
	}
	optional := [][2]string{
		{"--engine", engine},
		{"--root_directory", req.GetInfo().GetRootDirectory()},
		{"--organization", req.GetOrganization()},
	}
	for _, kv := range optional {
		if kv[1] != "" {
			flags = append(flags, kv[0], kv[1])
		}
	}
	return flags
}

// entryPointOf is the program to run: Pulumi.yaml's `main` (a .py file or a directory with
// __main__.py), "." when unset.
func entryPointOf(req *pulumirpc.RunRequest) string {
	entry := req.GetInfo().GetEntryPoint()
	if entry == "" {
		entry = req.GetProgram()
	}
	if entry == "" {
		entry = "."
	}
	return entry
}
