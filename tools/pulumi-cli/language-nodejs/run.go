package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// The SDK's run scripts exit with this code when they have already shown the error to the user
// (through the engine's log); the engine should then stop without adding a message of its own.
const exitAfterReportedError = 32

// runtimeOptions are the `runtime.options` of Pulumi.yaml that this host honours.
type runtimeOptions struct {
	// typescript: let the SDK register ts-node (the upstream default). Node 22.18+ runs .ts files
	// natively, so this project's programs set it to false.
	typescript bool
	// tsconfig: passed to the SDK as PULUMI_NODEJS_TSCONFIG_PATH.
	tsconfig string
	// nodeargs: extra arguments for node, space-separated.
	nodeargs []string
}

func optionsOf(info *pulumirpc.ProgramInfo) runtimeOptions {
	opts := runtimeOptions{typescript: true}
	values := info.GetOptions().AsMap()
	if v, ok := values["typescript"].(bool); ok {
		opts.typescript = v
	}
	if v, ok := values["tsconfig"].(string); ok {
		opts.tsconfig = v
	}
	if v, ok := values["nodeargs"].(string); ok {
		opts.nodeargs = strings.Fields(v)
	}
	return opts
}

// sdkScript finds one of @pulumi/pulumi's entry scripts (cmd/run, cmd/run-plugin, ...) as Node
// would resolve it from the program's directory, with an actionable error when it is missing.
func sdkScript(programDir, script string) (string, error) {
	path, err := resolveModule(programDir, "@pulumi/pulumi/"+script+"/index.js")
	if err != nil {
		return "", fmt.Errorf("the Pulumi Node.js SDK (@pulumi/pulumi) is not installed for %s: "+
			"run `npm install` in that directory (%w)", programDir, err)
	}
	return path, nil
}

func nodeEnv(base []string, opts runtimeOptions) []string {
	env := append([]string{}, base...)
	env = append(env, fmt.Sprintf("PULUMI_NODEJS_TYPESCRIPT=%t", opts.typescript))
	if opts.tsconfig != "" {
		env = append(env, "PULUMI_NODEJS_TSCONFIG_PATH="+opts.tsconfig)
	}
	return env
}

// Run executes a Pulumi program: `node @pulumi/pulumi/cmd/run <flags> <entry point> <args>`,
// with configuration in PULUMI_CONFIG / PULUMI_CONFIG_SECRET_KEYS as the SDK expects.
func (h *nodeHost) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	info := req.GetInfo()
	programDir := info.GetProgramDirectory()
	if programDir == "" {
		programDir = req.GetPwd()
	}
	entryPoint := info.GetEntryPoint()
	if entryPoint == "" {
		entryPoint = req.GetProgram()
	}
	if entryPoint == "" {
		entryPoint = "."
	}
	opts := optionsOf(info)

	runScript, err := sdkScript(programDir, "cmd/run")
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	nodeBin, err := exec.LookPath("node")
	if err != nil {
		return &pulumirpc.RunResponse{Error: "node was not found on PATH; install Node.js 22 or newer"}, nil
	}

	// A stack without config sends no map: pass `{}`, since the SDK's `new pulumi.Config()` reads
	// PULUMI_CONFIG as an object and fails on `null`.
	configMap := req.GetConfig()
	if configMap == nil {
		configMap = map[string]string{}
	}
	config, err := json.Marshal(configMap)
	if err != nil {
		return nil, err
	}
	secretKeys := req.GetConfigSecretKeys()
	if secretKeys == nil {
		secretKeys = []string{}
	}
	secretKeysJSON, err := json.Marshal(secretKeys)
	if err != nil {
		return nil, err
	}

	args := append(append([]string{}, opts.nodeargs...), runScript)
	args = append(args,
		"--monitor="+req.GetMonitorAddress(),
		"--project="+req.GetProject(),
		"--stack="+req.GetStack(),
		"--pwd="+req.GetPwd(),
		fmt.Sprintf("--parallel=%d", req.GetParallel()),
	)
	if engine := h.engine(); engine != "" {
		args = append(args, "--engine="+engine)
	}
	if org := req.GetOrganization(); org != "" {
		args = append(args, "--organization="+org)
	}
	if root := info.GetRootDirectory(); root != "" {
		args = append(args, "--root-directory="+root)
	}
	if req.GetDryRun() {
		args = append(args, "--dry-run")
	}
	args = append(args, entryPoint)
	args = append(args, req.GetArgs()...)

	cmd := exec.CommandContext(ctx, nodeBin, args...)
	cmd.Dir = req.GetPwd()
	cmd.Env = nodeEnv(os.Environ(), opts)
	cmd.Env = append(cmd.Env, "PULUMI_CONFIG="+string(config), "PULUMI_CONFIG_SECRET_KEYS="+string(secretKeysJSON))
	// The engine shows whatever the host writes, so the program's console output reaches the user.
	cmd.Stdout = os.Stdout
	cmd.Stderr = os.Stderr

	err = cmd.Run()
	var exitErr *exec.ExitError
	switch {
	case err == nil:
		return &pulumirpc.RunResponse{}, nil
	case errors.As(err, &exitErr) && exitErr.ExitCode() == exitAfterReportedError:
		return &pulumirpc.RunResponse{Bail: true}, nil
	case errors.As(err, &exitErr):
		return &pulumirpc.RunResponse{
			Error: fmt.Sprintf("the Node.js program exited with code %d (see its output above)", exitErr.ExitCode()),
		}, nil
	default:
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("could not run node: %v", err)}, nil
	}
}

// RunPlugin runs a plugin written in Node.js: a policy pack (kind "analyzer", through
// @pulumi/pulumi/cmd/run-policy-pack) or a PulumiPlugin.yaml provider (through cmd/run-plugin).
// Its output and exit code are streamed back; the engine reads the plugin's port from that stdout.
func (h *nodeHost) RunPlugin(
	req *pulumirpc.RunPluginRequest, stream pulumirpc.LanguageRuntime_RunPluginServer,
) error {
	info := req.GetInfo()
	pluginDir := info.GetProgramDirectory()
	opts := optionsOf(info)

	var script string
	var scriptArgs []string
	if req.GetKind() == "analyzer" {
		// run-policy-pack takes `<engine-address> <pack directory>`; the engine's args end with the address.
		script = "cmd/run-policy-pack"
		scriptArgs = append(append([]string{}, req.GetArgs()...), pluginDir)
	} else {
		script = "cmd/run-plugin"
		scriptArgs = append([]string{pluginDir}, req.GetArgs()...)
	}
	scriptPath, err := sdkScript(pluginDir, script)
	if err != nil {
		return err
	}
	nodeBin, err := exec.LookPath("node")
	if err != nil {
		return errors.New("node was not found on PATH; install Node.js 22 or newer")
	}

	args := append(append(append([]string{}, opts.nodeargs...), scriptPath), scriptArgs...)
	cmd := exec.CommandContext(stream.Context(), nodeBin, args...)
	cmd.Dir = pluginDir
	env := req.GetEnv()
	if len(env) == 0 {
		env = os.Environ()
	}
	cmd.Env = nodeEnv(env, opts)

	var sendMu sync.Mutex
	send := func(msg *pulumirpc.RunPluginResponse) error {
		sendMu.Lock()
		defer sendMu.Unlock()
		return stream.Send(msg)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("starting %s for %s: %w", script, filepath.Base(pluginDir), err)
	}

	var wg sync.WaitGroup
	forward := func(r io.Reader, wrap func([]byte) *pulumirpc.RunPluginResponse) {
		defer wg.Done()
		buf := make([]byte, 4096)
		for {
			n, err := r.Read(buf)
			if n > 0 {
				_ = send(wrap(append([]byte{}, buf[:n]...)))
			}
			if err != nil {
				return
			}
		}
	}
	wg.Add(2)
	go forward(stdout, func(b []byte) *pulumirpc.RunPluginResponse {
		return &pulumirpc.RunPluginResponse{Output: &pulumirpc.RunPluginResponse_Stdout{Stdout: b}}
	})
	go forward(stderr, func(b []byte) *pulumirpc.RunPluginResponse {
		return &pulumirpc.RunPluginResponse{Output: &pulumirpc.RunPluginResponse_Stderr{Stderr: b}}
	})
	wg.Wait()

	code := 0
	if err := cmd.Wait(); err != nil {
		var exitErr *exec.ExitError
		if !errors.As(err, &exitErr) {
			return err
		}
		code = exitErr.ExitCode()
	}
	return send(&pulumirpc.RunPluginResponse{Output: &pulumirpc.RunPluginResponse_Exitcode{Exitcode: int32(code)}})
}
