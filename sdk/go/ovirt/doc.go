// Declarative oVirt virtual desktops: VMs, templates, pools and console policies with smartcard pass-through.
package ovirt
