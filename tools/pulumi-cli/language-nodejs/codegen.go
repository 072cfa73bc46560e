package main

import (
	"context"

	"github.com/pulumi/pulumi/pkg/v3/codegen/nodejs"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"pulumi-ovirt.local/tools/pulumi-cli/internal/langhost"
)

// The name written into every generated file's header; the same as upstream's host, so a
// generated SDK looks exactly as `pulumi package gen-sdk` makes it elsewhere.
const generatorName = "pulumi-language-nodejs"

// GeneratePackage writes the TypeScript SDK for a schema (`pulumi package gen-sdk --language nodejs`)
// with Pulumi's own Node.js code generator.
func (h *nodeHost) GeneratePackage(
	_ context.Context, req *pulumirpc.GeneratePackageRequest,
) (*pulumirpc.GeneratePackageResponse, error) {
	return langhost.GeneratePackage(req, func(
		pkg *schema.Package, extraFiles map[string][]byte, loader schema.ReferenceLoader,
	) (map[string][]byte, error) {
		return nodejs.GeneratePackage(generatorName, pkg, extraFiles,
			req.GetLocalDependencies(), req.GetLocal(), loader)
	})
}

// GenerateProgram turns a PCL program into TypeScript; `pulumi import` uses it to print the code
// for the resources it imported.
func (h *nodeHost) GenerateProgram(
	_ context.Context, req *pulumirpc.GenerateProgramRequest,
) (*pulumirpc.GenerateProgramResponse, error) {
	return langhost.GenerateProgram(req, nodejs.GenerateProgram)
}
