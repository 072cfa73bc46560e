// Command pulumi-language-nodejs is this project's own Node.js language host for the Pulumi CLI.
//
// Test tooling, not a product: the upstream host (module
// github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3) is not served by the Go module
// proxy, so the project builds this small stand-in next to the real CLI. It implements what
// `pulumi up/preview/refresh/destroy/import`, `pulumi package gen-sdk --language nodejs` and
// `--policy-pack` need; see ../README.md for the full list and what it leaves out.
//
// The CLI starts it as `pulumi-language-nodejs [--logtostderr] [-v=N] [--tracing URL] <engine-address>`
// and reads the gRPC port it prints on stdout.
package main

import (
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"pulumi-ovirt.local/tools/pulumi-cli/internal/langhost"
)

func main() {
	langhost.Serve("pulumi-language-nodejs", func(engineAddress string) pulumirpc.LanguageRuntimeServer {
		return newNodeHost(engineAddress)
	})
}
