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
	"sort"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// goModule is one entry of `go list -m -json all`.
type goModule struct {
	Path     string
	Version  string
	Main     bool
	Indirect bool
	Dir      string
	Replace  *goModule
}

// listModules reads the program's module graph. A replaced module reports its replacement's
// version and directory (a local `replace` has no version: "(devel)" is shown then).
func listModules(ctx context.Context, dir string) ([]goModule, error) {
	out, err := goCommand(ctx, dir, "list", "-m", "-json", "all")
	if err != nil {
		return nil, err
	}
	var modules []goModule
	decoder := json.NewDecoder(strings.NewReader(out))
	for {
		var m goModule
		if err := decoder.Decode(&m); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, fmt.Errorf("reading go list's output: %w", err)
		}
		if m.Replace != nil {
			m.Version, m.Dir = m.Replace.Version, m.Replace.Dir
			if m.Version == "" {
				m.Version = "(devel)"
			}
		}
		modules = append(modules, m)
	}
	return modules, nil
}

// requiredPlugin is a resource plugin a program needs, from a pulumi-plugin.json.
type requiredPlugin struct{ name, version, server string }

// requiredPlugins finds the pulumi-plugin.json of every non-standard package the program's build
// target imports, directly or not. A program that does not build yet (missing go.sum entries)
// needs nothing up front: the build in Run then reports the real problem.
func requiredPlugins(ctx context.Context, info *pulumirpc.ProgramInfo) ([]requiredPlugin, error) {
	dir := info.GetProgramDirectory()
	out, err := goCommand(ctx, dir, "list", "-deps", "-f", "{{if not .Standard}}{{.Dir}}{{end}}", optionsOf(info).buildTarget)
	if err != nil {
		return nil, nil //nolint:nilerr // see above: Run reports it with the compiler's words
	}
	seen := map[string]requiredPlugin{}
	for _, pkgDir := range strings.Fields(out) {
		data, err := os.ReadFile(filepath.Join(pkgDir, "pulumi-plugin.json"))
		if err != nil {
			continue
		}
		var manifest plugin.PulumiPluginJSON
		if err := json.Unmarshal(data, &manifest); err != nil {
			return nil, fmt.Errorf("%s: %w", filepath.Join(pkgDir, "pulumi-plugin.json"), err)
		}
		if !manifest.Resource || manifest.Name == "" {
			continue
		}
		seen[manifest.Name] = requiredPlugin{name: manifest.Name, version: manifest.Version, server: manifest.Server}
	}
	plugins := make([]requiredPlugin, 0, len(seen))
	for _, p := range seen {
		plugins = append(plugins, p)
	}
	sort.Slice(plugins, func(i, j int) bool { return plugins[i].name < plugins[j].name })
	return plugins, nil
}

// goCommand runs `go <args>` in dir and returns its standard output; a failure carries go's
// own message.
func goCommand(ctx context.Context, dir string, args ...string) (string, error) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		return "", fmt.Errorf("unable to find the 'go' executable on PATH: %w", err)
	}
	cmd := exec.CommandContext(ctx, goTool, args...)
	cmd.Dir = dir
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go %s in %s: %w: %s", strings.Join(args, " "), dir, err, strings.TrimSpace(stderr.String()))
	}
	return string(out), nil
}
