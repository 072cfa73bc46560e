"""A VDI pool with smartcard pass-through, in Python.

golden VM (stopped, SPICE + smartcard) -> template and a newer version of it -> pool of desktops
that follows the newest version -> console policy; directory groups entitled on the pool, and a
helpdesk group given a role on the cluster.
The provider's settings come from `pulumi config set ovirt:url ...` (and ovirt:username,
ovirt:password, ovirt:caFile) or from OVIRT_URL, OVIRT_USERNAME, OVIRT_PASSWORD and OVIRT_CAFILE.
"""

import pulumi
import pulumi_ovirt as ovirt

config = pulumi.Config()
prefix = config.get("namePrefix") or "vdi"
cluster = config.get("cluster") or "Default"
pool_size = config.get_int("poolSize") or 3
# Smartcard pass-through for the whole estate. Turning it off later updates the golden VM and the
# template in place and replaces the pool (the engine fixes pool VMs' display at creation).
smartcard = config.get_bool("smartcard")
smartcard = True if smartcard is None else smartcard
# The console-side opt-out ("Disable smartcard"): only the console policy changes, in place.
console_smartcard = config.get_bool("consoleSmartcard")
# Who may take a desktop from the pool (each gets the engine's UserRole on it); unset: nobody is
# given it by this program.
users = config.get_object("users")
# Directory groups whose members may take a desktop (NAME@PROFILE). The provider adds a group the
# engine does not know yet from its directory, and removes it again on destroy if nothing else uses it.
groups = config.get_object("groups")
# A directory group that may power any desktop of the cluster (UserVmManager); unset: none.
helpdesk_group = config.get("helpdeskGroup")

# The desktop every user gets: SPICE with the client's smartcard reader passed through.
desktop = dict(
    memory_mb=4096,
    cpu_cores=2,
    vm_type="desktop",
    usb_enabled=True,
    display_type="spice",
    smartcard_enabled=smartcard,
    monitors=2,
)

# The golden image. It stays down: the engine copies a template only from a stopped VM.
golden = ovirt.Vm(
    "golden",
    name=f"{prefix}-golden",
    cluster=cluster,
    description="Golden image for the smartcard VDI pool",
    running=False,
    **desktop,
)

template = ovirt.Template(
    "desktop-template",
    name=f"{prefix}-template",
    source_vm=golden.vm_id,
    description="Smartcard-enabled SPICE desktop",
    display_type=desktop["display_type"],
    smartcard_enabled=desktop["smartcard_enabled"],
    monitors=desktop["monitors"],
)

# The next image: a version of the same template (it takes the base's name; the engine numbers it).
template_v2 = ovirt.Template(
    "desktop-template-v2",
    name=template.name,
    source_vm=golden.vm_id,
    base_template=template.id,
    version_name="v2",
    display_type=desktop["display_type"],
    smartcard_enabled=desktop["smartcard_enabled"],
)

# The engine applies a pool VM's display settings only when the pool creates it, so the pool
# repeats them; changing one later replaces the pool (the plan says so). It follows the newest
# version of its template: a later version reaches its desktops with no change here.
pool = ovirt.Pool(
    "desktops",
    name=f"{prefix}-desk",
    cluster=cluster,
    template=template.id,
    size=pool_size,
    prestarted_vms=1,
    max_user_vms=1,
    pool_type="automatic",
    stateful=False,
    users=users,
    groups=groups,
    use_latest_template_version=True,
    **desktop,
    # A pool that follows the newest version runs on one its `template` does not name.
    opts=pulumi.ResourceOptions(depends_on=[template_v2]),
)

if helpdesk_group:
    ovirt.Permission("helpdesk", group=helpdesk_group, role="UserVmManager", cluster_id=pool.cluster_id)

# How the pool's consoles behave: the engine logs the user into the guest through the guest
# agent, and the screen locks as soon as the console disconnects.
console_policy = ovirt.ConsolePolicy(
    "desktops-console",
    pool_id=pool.pool_id,
    sso="guest_agent",
    disconnect_action="lock_screen",
    allow_reconnect=False,
    ticket_expiry_seconds=120,
    # Unset follows the pool; only an explicit false switches the smartcard off.
    smartcard_enabled=None if console_smartcard in (None, True) else False,
)

# The libvirt domain the hosts will run for each desktop, known already at `pulumi preview`.
pulumi.export("desktopDomainXml", pool.domain_xml)
pulumi.export("consoleDescription", console_policy.console_description)
pulumi.export("poolVmNames", pool.vm_names)
pulumi.export("templateId", template.id)
pulumi.export("desktopVersions", pool.vm_template_versions.apply(lambda rows: [row.version_number for row in rows]))
