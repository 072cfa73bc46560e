package langhost

import (
	"flag"
	"fmt"
	"os"

	"google.golang.org/grpc"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// Serve runs a language host the way the engine starts one,
// `<name> [--logtostderr] [-v=N] [--tracing URL] [--logflow] <engine-address>`: it prints its gRPC
// port on stdout (the engine reads exactly that line) and serves until the engine stops it.
func Serve(name string, newHost func(engineAddress string) pulumirpc.LanguageRuntimeServer) {
	// The engine passes its logging and tracing flags to every plugin: accepted, not used. Own flag
	// set, because imported packages register some of these names on the global one.
	flags := flag.NewFlagSet(name, flag.ExitOnError)
	flags.Bool("logtostderr", false, "log to stderr (ignored)")
	flags.Int("v", 0, "log verbosity (ignored)")
	flags.String("tracing", "", "tracing endpoint (ignored)")
	flags.Bool("logflow", false, "flow logging settings to child processes (ignored)")
	_ = flags.Parse(os.Args[1:])

	host := newHost(flags.Arg(0))
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, host)
			return nil
		},
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: cannot serve gRPC: %v\n", name, err)
		os.Exit(1)
	}
	fmt.Println(handle.Port)
	if err := <-handle.Done; err != nil {
		fmt.Fprintf(os.Stderr, "%s: gRPC server stopped: %v\n", name, err)
		os.Exit(1)
	}
}
