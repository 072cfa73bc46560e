// A VDI pool with smartcard pass-through, in Go.
//
// golden VM (stopped, SPICE + smartcard) -> template -> pool of desktops -> console policy.
// The provider's settings come from `pulumi config set ovirt:url ...` (and ovirt:username,
// ovirt:password, ovirt:caFile) or from OVIRT_URL, OVIRT_USERNAME, OVIRT_PASSWORD and OVIRT_CAFILE.
package main

import (
	"github.com/ovirt-vdi/pulumi-ovirt/sdk/go/ovirt"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

// settings are the program's configuration, with the defaults of Pulumi.yaml.
type settings struct {
	prefix, cluster              string
	poolSize                     int
	smartcard, consoleSmartcard bool
}

func readSettings(ctx *pulumi.Context) settings {
	cfg := config.New(ctx, "")
	return settings{
		prefix:           cfg.Require("namePrefix"),
		cluster:          cfg.Require("cluster"),
		poolSize:         cfg.RequireInt("poolSize"),
		smartcard:        cfg.RequireBool("smartcard"),
		consoleSmartcard: cfg.RequireBool("consoleSmartcard"),
	}
}

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		s := readSettings(ctx)

		// Lookups: the cluster by name (a wrong name fails the preview, naming `name`), and the
		// Blank template every engine has, to show what it gives a new VM.
		cluster, err := ovirt.GetCluster(ctx, &ovirt.GetClusterArgs{Name: pulumi.StringRef(s.cluster)})
		if err != nil {
			return err
		}
		blank, err := ovirt.LookupTemplate(ctx, &ovirt.LookupTemplateArgs{Name: pulumi.StringRef("Blank")})
		if err != nil {
			return err
		}

		// The golden image. It stays down: the engine copies a template only from a stopped VM.
		golden, err := ovirt.NewVm(ctx, "golden", &ovirt.VmArgs{
			Name:             pulumi.Sprintf("%s-golden", s.prefix),
			Cluster:          pulumi.String(cluster.Id),
			Description:      pulumi.String("Golden image for the smartcard VDI pool"),
			Running:          pulumi.Bool(false),
			MemoryMb:         pulumi.Int(4096),
			CpuCores:         pulumi.Int(2),
			VmType:           ovirt.VmType("desktop"),
			UsbEnabled:       pulumi.Bool(true),
			DisplayType:      ovirt.DisplayType("spice"),
			SmartcardEnabled: pulumi.Bool(s.smartcard),
			Monitors:         pulumi.Int(2),
		})
		if err != nil {
			return err
		}

		template, err := ovirt.NewTemplate(ctx, "desktop-template", &ovirt.TemplateArgs{
			Name:             pulumi.Sprintf("%s-template", s.prefix),
			SourceVm:         golden.VmId,
			Description:      pulumi.String("Smartcard-enabled SPICE desktop"),
			DisplayType:      ovirt.DisplayType("spice"),
			SmartcardEnabled: pulumi.Bool(s.smartcard),
			Monitors:         pulumi.Int(2),
		})
		if err != nil {
			return err
		}

		// The engine applies a pool VM's display settings only when the pool creates it, so the
		// pool repeats them; changing one later replaces the pool (the plan says so).
		pool, err := ovirt.NewPool(ctx, "desktops", &ovirt.PoolArgs{
			Name:             pulumi.Sprintf("%s-desk", s.prefix),
			Cluster:          pulumi.String(cluster.Id),
			Template:         template.ID().ToStringOutput(),
			Size:             pulumi.Int(s.poolSize),
			PrestartedVms:    pulumi.Int(1),
			MaxUserVms:       pulumi.Int(1),
			MemoryMb:         pulumi.Int(4096),
			CpuCores:         pulumi.Int(2),
			VmType:           ovirt.VmType("desktop"),
			UsbEnabled:       pulumi.Bool(true),
			DisplayType:      ovirt.DisplayType("spice"),
			SmartcardEnabled: pulumi.Bool(s.smartcard),
			Monitors:         pulumi.Int(2),
		})
		if err != nil {
			return err
		}

		// How the pool's consoles behave. Unset smartcardEnabled follows the pool; only an explicit
		// false switches the smartcard off on the consoles.
		policy := &ovirt.ConsolePolicyArgs{
			PoolId:              pool.PoolId,
			Sso:                 ovirt.SsoMethod("guest_agent"),
			DisconnectAction:    ovirt.DisconnectAction("lock_screen"),
			AllowReconnect:      pulumi.Bool(false),
			TicketExpirySeconds: pulumi.Int(120),
		}
		if !s.consoleSmartcard {
			policy.SmartcardEnabled = pulumi.Bool(false)
		}
		console, err := ovirt.NewConsolePolicy(ctx, "desktops-console", policy)
		if err != nil {
			return err
		}

		ctx.Export("clusterId", pulumi.String(cluster.Id))
		ctx.Export("blankTemplateConsole", pulumi.String(blank.ConsoleDescription))
		ctx.Export("desktopDomainXml", pool.DomainXml)
		ctx.Export("consoleDescription", console.ConsoleDescription)
		ctx.Export("poolVmNames", pool.VmNames)
		ctx.Export("templateId", template.ID())
		return nil
	})
}
