package main

import (
	"context"

	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"pulumi-ovirt.local/tools/pulumi-cli/internal/langhost"
)

// Written into each generated file's header. Upstream's host uses the same name, so an SDK made
// here is the one `pulumi package gen-sdk --language go` makes anywhere.
const generatorName = "pulumi-language-go"

// GeneratePackage writes the Go SDK of a schema (`pulumi package gen-sdk --language go`) with
// Pulumi's own Go code generator. Local dependencies (`--local`) become go.mod replaces there.
func (h *goHost) GeneratePackage(
	_ context.Context, req *pulumirpc.GeneratePackageRequest,
) (*pulumirpc.GeneratePackageResponse, error) {
	return langhost.GeneratePackage(req, func(
		pkg *schema.Package, _ map[string][]byte, _ schema.ReferenceLoader,
	) (map[string][]byte, error) {
		return gogen.GeneratePackage(generatorName, pkg, req.GetLocalDependencies())
	})
}

// GenerateProgram turns PCL into Go: `pulumi import` prints the code of what it imported.
func (h *goHost) GenerateProgram(
	_ context.Context, req *pulumirpc.GenerateProgramRequest,
) (*pulumirpc.GenerateProgramResponse, error) {
	return langhost.GenerateProgram(req, gogen.GenerateProgram)
}
