// Command pulumi-language-python is this project's own Python language host for the Pulumi CLI.
//
// Test tooling, not a product: the upstream host (module
// github.com/pulumi/pulumi/sdk/python/cmd/pulumi-language-python/v3) is not served by the Go module
// proxy, and the PyPI `pulumi` package lacks the entry script that host runs. So the project builds
// this small stand-in beside the real CLI, with an entry script of its own embedded (exec.py). It
// implements what `pulumi up/preview/refresh/destroy/import` of a `runtime: python` program and
// `pulumi package gen-sdk --language python` need; ../README.md lists what it leaves out.
//
// The CLI starts it as `pulumi-language-python [--logtostderr] [-v=N] [--tracing URL] <engine-address>`
// and reads the gRPC port it prints on stdout.
package main

import (
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"pulumi-ovirt.local/tools/pulumi-cli/internal/langhost"
)

func main() {
	langhost.Serve("pulumi-language-python", func(engineAddress string) pulumirpc.LanguageRuntimeServer {
		return &pythonHost{engineAddress: engineAddress}
	})
}
