package main

import (
	"context"
	"fmt"
	"os/exec"
	"strings"
	"sync"

	"google.golang.org/protobuf/types/known/emptypb"

	"github.com/pulumi/pulumi/sdk/v3/go/common/version"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// goHost serves the LanguageRuntime service. What it does not implement falls through to the
// embedded Unimplemented server; the CLI takes codes.Unimplemented as "not supported here".
type goHost struct {
	pulumirpc.UnimplementedLanguageRuntimeServer

	mu            sync.Mutex
	engineAddress string
}

func (h *goHost) engine() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.engineAddress
}

// Handshake records the engine's address: the program sends its log messages there.
func (h *goHost) Handshake(
	_ context.Context, req *pulumirpc.LanguageHandshakeRequest,
) (*pulumirpc.LanguageHandshakeResponse, error) {
	if addr := req.GetEngineAddress(); addr != "" {
		h.mu.Lock()
		h.engineAddress = addr
		h.mu.Unlock()
	}
	return &pulumirpc.LanguageHandshakeResponse{}, nil
}

func (h *goHost) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version.Version}, nil
}

// GetRequiredPlugins names the resource plugins of the Go packages the program imports: each
// generated SDK package carries a pulumi-plugin.json (name, version) beside its sources.
func (h *goHost) GetRequiredPlugins(
	ctx context.Context, req *pulumirpc.GetRequiredPluginsRequest,
) (*pulumirpc.GetRequiredPluginsResponse, error) {
	plugins, err := requiredPlugins(ctx, req.GetInfo())
	if err != nil {
		return nil, err
	}
	deps := make([]*pulumirpc.PluginDependency, 0, len(plugins))
	for _, p := range plugins {
		deps = append(deps, &pulumirpc.PluginDependency{Name: p.name, Kind: "resource", Version: p.version, Server: p.server})
	}
	return &pulumirpc.GetRequiredPluginsResponse{Plugins: deps}, nil
}

// GetRequiredPackages is the same list in the engine's newer shape.
func (h *goHost) GetRequiredPackages(
	ctx context.Context, req *pulumirpc.GetRequiredPackagesRequest,
) (*pulumirpc.GetRequiredPackagesResponse, error) {
	plugins, err := requiredPlugins(ctx, req.GetInfo())
	if err != nil {
		return nil, err
	}
	deps := make([]*pulumirpc.PackageDependency, 0, len(plugins))
	for _, p := range plugins {
		deps = append(deps, &pulumirpc.PackageDependency{Name: p.name, Kind: "resource", Version: p.version, Server: p.server})
	}
	return &pulumirpc.GetRequiredPackagesResponse{Packages: deps}, nil
}

// InstallDependencies runs `go mod download` in the program's directory (what `pulumi install`
// asks for); Go fetches modules through its proxy settings (GOPROXY, GOFLAGS) as usual.
func (h *goHost) InstallDependencies(
	req *pulumirpc.InstallDependenciesRequest, stream pulumirpc.LanguageRuntime_InstallDependenciesServer,
) error {
	goTool, err := exec.LookPath("go")
	if err != nil {
		return fmt.Errorf("unable to find the 'go' executable on PATH: install Go to use a `runtime: go` program")
	}
	cmd := exec.CommandContext(stream.Context(), goTool, "mod", "download")
	cmd.Dir = req.GetInfo().GetProgramDirectory()
	out, err := cmd.CombinedOutput()
	if sendErr := stream.Send(&pulumirpc.InstallDependenciesResponse{Stdout: out}); sendErr != nil {
		return sendErr
	}
	if err != nil {
		return fmt.Errorf("`go mod download` failed in %s: %w", cmd.Dir, err)
	}
	return nil
}

// About reports the `go` the program is built with and its version.
func (h *goHost) About(ctx context.Context, req *pulumirpc.AboutRequest) (*pulumirpc.AboutResponse, error) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		return nil, fmt.Errorf("unable to find the 'go' executable on PATH: %w", err)
	}
	out, err := exec.CommandContext(ctx, goTool, "env", "GOVERSION").Output()
	if err != nil {
		return nil, fmt.Errorf("running go env GOVERSION: %w", err)
	}
	return &pulumirpc.AboutResponse{
		Executable: goTool,
		Version:    strings.TrimPrefix(strings.TrimSpace(string(out)), "go"),
	}, nil
}

// GetProgramDependencies lists the modules the program's go.mod resolves to (what
// `pulumi about` shows): direct ones, or all with transitive dependencies asked for.
func (h *goHost) GetProgramDependencies(
	ctx context.Context, req *pulumirpc.GetProgramDependenciesRequest,
) (*pulumirpc.GetProgramDependenciesResponse, error) {
	modules, err := listModules(ctx, req.GetInfo().GetProgramDirectory())
	if err != nil {
		return nil, err
	}
	deps := []*pulumirpc.DependencyInfo{}
	for _, m := range modules {
		if m.Main || (m.Indirect && !req.GetTransitiveDependencies()) {
			continue
		}
		deps = append(deps, &pulumirpc.DependencyInfo{Name: m.Path, Version: m.Version})
	}
	return &pulumirpc.GetProgramDependenciesResponse{Dependencies: deps}, nil
}

func (h *goHost) Cancel(context.Context, *emptypb.Empty) (*emptypb.Empty, error) {
	return &emptypb.Empty{}, nil
}
