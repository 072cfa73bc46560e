// Package langhost is what the project's language hosts share: serving the engine (serve.go), and
// code generation (this file), which binds what the engine sends (a package schema for
// `pulumi package gen-sdk`, a PCL program for `pulumi import`) and hands it to one language's
// generator from Pulumi's pkg/v3/codegen.
package langhost

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/pulumi/pulumi/pkg/v3/codegen/hcl2/syntax"
	"github.com/pulumi/pulumi/pkg/v3/codegen/pcl"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// PackageGenerator writes one language's SDK for a bound schema, as file name -> content.
type PackageGenerator func(
	pkg *schema.Package, extraFiles map[string][]byte, loader schema.ReferenceLoader,
) (map[string][]byte, error)

// ProgramGenerator turns a bound PCL program into one language's source files.
type ProgramGenerator func(program *pcl.Program) (map[string][]byte, hcl.Diagnostics, error)

// GeneratePackage answers the GeneratePackage call: binds the schema with the engine's loader,
// runs generate and writes its files under the requested directory. Schema errors are returned
// as diagnostics, which the CLI shows with their positions.
func GeneratePackage(req *pulumirpc.GeneratePackageRequest, generate PackageGenerator) (*pulumirpc.GeneratePackageResponse, error) {
	loader, err := schema.NewLoaderClient(req.GetLoaderTarget())
	if err != nil {
		return nil, err
	}
	defer loader.Close()

	var spec schema.PackageSpec
	if err := json.Unmarshal([]byte(req.GetSchema()), &spec); err != nil {
		return nil, fmt.Errorf("the schema is not valid JSON: %w", err)
	}
	pkg, diags, err := schema.BindSpec(spec, loader, schema.ValidationOptions{})
	if err != nil {
		return nil, err
	}
	if !diags.HasErrors() {
		files, err := generate(pkg, req.GetExtraFiles(), loader)
		if err != nil {
			return nil, err
		}
		if err := writeFiles(req.GetDirectory(), files); err != nil {
			return nil, err
		}
	}
	return &pulumirpc.GeneratePackageResponse{Diagnostics: plugin.HclDiagnosticsToRPCDiagnostics(diags)}, nil
}

func writeFiles(dir string, files map[string][]byte) error {
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, content, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// GenerateProgram answers the GenerateProgram call (`pulumi import` prints the code of what it
// imported): parses and binds the PCL with the engine's schema loader, then runs generate.
func GenerateProgram(req *pulumirpc.GenerateProgramRequest, generate ProgramGenerator) (*pulumirpc.GenerateProgramResponse, error) {
	loader, err := schema.NewLoaderClient(req.GetLoaderTarget())
	if err != nil {
		return nil, err
	}
	defer loader.Close()

	parser := syntax.NewParser()
	// In name order, so diagnostics and output never depend on map order.
	names := make([]string, 0, len(req.GetSource()))
	for name := range req.GetSource() {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if err := parser.ParseFile(strings.NewReader(req.GetSource()[name]), name); err != nil {
			return nil, err
		}
	}
	if parser.Diagnostics.HasErrors() {
		return &pulumirpc.GenerateProgramResponse{Diagnostics: plugin.HclDiagnosticsToRPCDiagnostics(parser.Diagnostics)}, nil
	}

	options := []pcl.BindOption{pcl.PreferOutputVersionedInvokes}
	if !req.GetStrict() {
		options = append(options, pcl.NonStrictBindOptions()...)
	}
	program, bindDiags, err := pcl.BindProgram(parser.Files, schema.NewCachedLoader(loader), options...)
	if err != nil {
		return nil, err
	}
	if bindDiags.HasErrors() {
		return &pulumirpc.GenerateProgramResponse{Diagnostics: plugin.HclDiagnosticsToRPCDiagnostics(bindDiags)}, nil
	}

	files, genDiags, err := generate(program)
	if err != nil {
		return nil, err
	}
	diags := append(hcl.Diagnostics{}, bindDiags...)
	diags = append(diags, genDiags...)
	return &pulumirpc.GenerateProgramResponse{Source: files, Diagnostics: plugin.HclDiagnosticsToRPCDiagnostics(diags)}, nil
}
