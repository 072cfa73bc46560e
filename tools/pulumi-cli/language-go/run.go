package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"

	"github.com/pulumi/pulumi/sdk/v3/go/common/constant"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// programOptions are the `runtime.options` of Pulumi.yaml that change how a Go program is found.
type programOptions struct {
	// binary is a program built beforehand (relative to the program's directory): run as it is.
	binary string
	// buildTarget is the package `go build` builds, "." (the program's directory) when unset.
	buildTarget string
}

func optionsOf(info *pulumirpc.ProgramInfo) programOptions {
	values := info.GetOptions().AsMap()
	opts := programOptions{buildTarget: "."}
	if binary, ok := values["binary"].(string); ok && binary != "" {
		opts.binary = binary
	}
	if target, ok := values["buildTarget"].(string); ok && target != "" {
		opts.buildTarget = target
	}
	return opts
}

// Run builds the program with the machine's `go` (unless Pulumi.yaml names a prebuilt `binary`)
// and runs it with the engine's settings in its environment, which `pulumi.Run` reads.
func (h *goHost) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	info := req.GetInfo()
	programDir := info.GetProgramDirectory()
	if programDir == "" {
		programDir = req.GetPwd()
	}
	binary, cleanup, err := programBinary(ctx, programDir, optionsOf(info))
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	defer cleanup()

	env, err := engineEnvironment(req, h.engine())
	if err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, binary, req.GetArgs()...)
	cmd.Dir = req.GetPwd()
	cmd.Env = append(os.Environ(), env...)
	// The CLI shows what the host writes: the program's own prints reach the user.
	cmd.Stdout = os.Stdout
	cmd.Stderr = os.Stderr
	return runResponse(cmd.Run()), nil
}

// programBinary is the executable to run: the prebuilt `binary`, or a fresh `go build` of the
// build target into a private temporary directory (removed by the returned cleanup).
func programBinary(ctx context.Context, programDir string, opts programOptions) (string, func(), error) {
	if opts.binary != "" {
		path := opts.binary
		if !filepath.IsAbs(path) {
			path = filepath.Join(programDir, path)
		}
		if _, err := os.Stat(path); err != nil {
			return "", nil, fmt.Errorf("the program binary %s (runtime.options.binary in Pulumi.yaml) does not exist: "+
				"build it first with `go build -o %s`", path, opts.binary)
		}
		return path, func() {}, nil
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		return "", nil, errors.New("unable to find the 'go' executable on PATH: install Go to run a `runtime: go` program, " +
			"or build it yourself and name it in Pulumi.yaml (runtime.options.binary)")
	}
	dir, err := os.MkdirTemp("", "pulumi-go-program-")
	if err != nil {
		return "", nil, err
	}
	cleanup := func() { _ = os.RemoveAll(dir) }
	out := filepath.Join(dir, "program")
	build := exec.CommandContext(ctx, goTool, "build", "-o", out, opts.buildTarget)
	build.Dir = programDir
	// Compiler messages go to the user as they are: they name the file and line.
	build.Stdout = os.Stderr
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		cleanup()
		return "", nil, fmt.Errorf("unable to run `go build`: %w", err)
	}
	return out, cleanup, nil
}

// runResponse is how the engine learns how the program ended. pulumi.Run exits 32 after it has
// reported the error through the engine: then the host only bails, adding nothing.
func runResponse(err error) *pulumirpc.RunResponse {
	var exitErr *exec.ExitError
	switch {
	case err == nil:
		return &pulumirpc.RunResponse{}
	case errors.As(err, &exitErr) && exitErr.ExitCode() == constant.ExitStatusLoggedError:
		return &pulumirpc.RunResponse{Bail: true}
	case errors.As(err, &exitErr) && exitErr.ExitCode() >= 0:
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("program exited with non-zero exit code: %d", exitErr.ExitCode())}
	case errors.As(err, &exitErr):
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("program exited unexpectedly: %v", err)}
	default:
		return &pulumirpc.RunResponse{
			Error: fmt.Sprintf("problem executing program (could not run language executor): %v", err),
		}
	}
}

// engineEnvironment is the run's settings in the variables the Go SDK reads (sdk/go/pulumi/run.go,
// getEnvInfo); optional ones only when they have a value.
func engineEnvironment(req *pulumirpc.RunRequest, engine string) ([]string, error) {
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
	env := []string{
		"PULUMI_MONITOR=" + req.GetMonitorAddress(),
		"PULUMI_PROJECT=" + req.GetProject(),
		"PULUMI_STACK=" + req.GetStack(),
		"PULUMI_DRY_RUN=" + strconv.FormatBool(req.GetDryRun()),
		"PULUMI_PARALLEL=" + strconv.Itoa(int(req.GetParallel())),
		"PULUMI_CONFIG=" + string(configJSON),
		"PULUMI_CONFIG_SECRET_KEYS=" + string(secretsJSON),
	}
	optional := [][2]string{
		{"PULUMI_ENGINE", engine},
		{"PULUMI_ORGANIZATION", req.GetOrganization()},
		{"PULUMI_ROOT_DIRECTORY", req.GetInfo().GetRootDirectory()},
	}
	for _, kv := range optional {
		if kv[1] != "" {
			env = append(env, kv[0]+"="+kv[1])
		}
	}
	return env, nil
}
