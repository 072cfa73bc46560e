package main

import (
	"context"

	"github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"pulumi-ovirt.local/tools/pulumi-cli/internal/langhost"
)

// Written into each generated file's header. Upstream's host uses the same name, so an SDK made
// here is the one `pulumi package gen-sdk --language python` makes anywhere.
const generatorName = "pulumi-language-python"

// GeneratePackage writes the Python SDK of a schema (`pulumi package gen-sdk --language python`)
// with Pulumi's own Python code generator.
func (h *pythonHost) GeneratePackage(
	_ context.Context, req *pulumirpc.GeneratePackageRequest,
) (*pulumirpc.GeneratePackageResponse, error) {
	return langhost.GeneratePackage(req, func(
		pkg *schema.Package, extraFiles map[string][]byte, loader schema.ReferenceLoader,
	) (map[string][]byte, error) {
		return python.GeneratePackage(generatorName, pkg, extraFiles, loader)
	})
}

// GenerateProgram turns PCL into Python: `pulumi import` prints the code of what it imported.
func (h *pythonHost) GenerateProgram(
	_ context.Context, req *pulumirpc.GenerateProgramRequest,
) (*pulumirpc.GenerateProgramResponse, error) {
	return langhost.GenerateProgram(req, python.GenerateProgram)
}
