// Command pulumi-language-go is this project's own Go language host for the Pulumi CLI.
//
// Test tooling, not a product: the upstream host (module github.com/pulumi/pulumi/sdk/go/pulumi-language-go/v3)
// is not served by the Go module proxy, so the project builds this small stand-in beside the real CLI.
// It builds a `runtime: go` program with the machine's `go`, runs the binary with the engine's settings
// in the environment (what `pulumi.Run` in the Go SDK reads), and serves `pulumi package gen-sdk
// --language go` and the Go code of `pulumi import`. ../README.md lists what it leaves out.
//
// The CLI starts it as `pulumi-language-go [--logtostderr] [-v=N] [--tracing URL] <engine-address>`
// and reads the gRPC port it prints on stdout.
package main

import (
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"pulumi-ovirt.local/tools/pulumi-cli/internal/langhost"
)

func main() {
	langhost.Serve("pulumi-language-go", func(engineAddress string) pulumirpc.LanguageRuntimeServer {
		return &goHost{engineAddress: engineAddress}
	})
}
