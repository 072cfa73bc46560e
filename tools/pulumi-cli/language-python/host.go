package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	"google.golang.org/protobuf/types/known/emptypb"

	"github.com/pulumi/pulumi/sdk/v3/go/common/version"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// pythonHost serves the LanguageRuntime service. What it does not implement falls through to
// the embedded Unimplemented server; the CLI takes codes.Unimplemented as "not supported here".
type pythonHost struct {
	pulumirpc.UnimplementedLanguageRuntimeServer

	mu            sync.Mutex
	engineAddress string
}

func (h *pythonHost) engine() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.engineAddress
}

// Handshake records the engine's address: the program sends its log messages there.
func (h *pythonHost) Handshake(
	_ context.Context, req *pulumirpc.LanguageHandshakeRequest,
) (*pulumirpc.LanguageHandshakeResponse, error) {
	if addr := req.GetEngineAddress(); addr != "" {
		h.mu.Lock()
		h.engineAddress = addr
		h.mu.Unlock()
	}
	return &pulumirpc.LanguageHandshakeResponse{}, nil
}

func (h *pythonHost) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version.Version}, nil
}

// GetRequiredPlugins and GetRequiredPackages name nothing: the engine loads a resource plugin when
// the program first uses it (Pulumi.yaml's plugins, PATH, the plugin cache), and with downloads
// disabled a missing one is a clear "not installed" error.
func (h *pythonHost) GetRequiredPlugins(
	context.Context, *pulumirpc.GetRequiredPluginsRequest,
) (*pulumirpc.GetRequiredPluginsResponse, error) {
	return &pulumirpc.GetRequiredPluginsResponse{}, nil
}

func (h *pythonHost) GetRequiredPackages(
	context.Context, *pulumirpc.GetRequiredPackagesRequest,
) (*pulumirpc.GetRequiredPackagesResponse, error) {
	return &pulumirpc.GetRequiredPackagesResponse{}, nil
}

// InstallDependencies runs no pip (the project's setup makes the virtualenv); it says which Python
// the program gets and whether the Pulumi SDK imports there, so `pulumi install` is informative.
func (h *pythonHost) InstallDependencies(
	req *pulumirpc.InstallDependenciesRequest, stream pulumirpc.LanguageRuntime_InstallDependenciesServer,
) error {
	msg := "pulumi-language-python (pulumi-ovirt test host): dependencies are installed by the project's scripts, not by Pulumi\n"
	python, err := interpreterFor(req.GetInfo())
	switch {
	case err != nil:
		msg += "warning: " + err.Error() + "\n"
	case python.command(req.GetInfo().GetProgramDirectory(), "-c", "import pulumi").Run() != nil:
		msg += fmt.Sprintf("warning: the Pulumi Python SDK does not import in %s; run pip install -r requirements.txt\n",
			python.executable)
	default:
		msg += "python: " + python.executable + "\n"
	}
	return stream.Send(&pulumirpc.InstallDependenciesResponse{Stdout: []byte(msg)})
}

// About reports the interpreter the program runs with and its version.
func (h *pythonHost) About(_ context.Context, req *pulumirpc.AboutRequest) (*pulumirpc.AboutResponse, error) {
	python, err := interpreterFor(req.GetInfo())
	if err != nil {
		return nil, err
	}
	out, err := python.command(req.GetInfo().GetProgramDirectory(), "--version").Output()
	if err != nil {
		return nil, fmt.Errorf("running %s --version: %w", python.executable, err)
	}
	return &pulumirpc.AboutResponse{
		Executable: python.executable,
		Version:    strings.TrimPrefix(strings.TrimSpace(string(out)), "Python "),
	}, nil
}

// GetProgramDependencies lists the packages installed for the program's Python (what
// `pulumi about` shows), from `pip list`.
func (h *pythonHost) GetProgramDependencies(
	_ context.Context, req *pulumirpc.GetProgramDependenciesRequest,
) (*pulumirpc.GetProgramDependenciesResponse, error) {
	python, err := interpreterFor(req.GetInfo())
	if err != nil {
		return nil, err
	}
	cmd := python.command(req.GetInfo().GetProgramDirectory(),
		"-m", "pip", "list", "--format=json", "--disable-pip-version-check")
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("%s -m pip list failed: %w", python.executable, err)
	}
	var packages []struct {
		Name    string `json:"name"`
		Version string `json:"version"`
	}
	if err := json.Unmarshal(out, &packages); err != nil {
		return nil, fmt.Errorf("reading pip list's output: %w", err)
	}
	deps := make([]*pulumirpc.DependencyInfo, 0, len(packages))
	for _, p := range packages {
		deps = append(deps, &pulumirpc.DependencyInfo{Name: p.Name, Version: p.Version})
	}
	return &pulumirpc.GetProgramDependenciesResponse{Dependencies: deps}, nil
}

func (h *pythonHost) Cancel(context.Context, *emptypb.Empty) (*emptypb.Empty, error) {
	return &emptypb.Empty{}, nil
}
