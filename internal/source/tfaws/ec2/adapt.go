package ec2

import (
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/ec2"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

var (
	subnetTypes        = []string{"aws_subnet", "aws_default_subnet"}
	securityGroupTypes = []string{"aws_security_group", "aws_default_security_group"}
	profileTypes       = []string{"aws_iam_instance_profile"}
	templateTypes      = []string{"aws_launch_template"}
	volumeTypes        = []string{"aws_ebs_volume"}
	snapshotTypes      = []string{"aws_ebs_snapshot", "aws_ebs_snapshot_copy"}
	imageTypes         = []string{"aws_ami", "aws_ami_copy", "aws_ami_from_instance"}
)

// Adapt builds the EC2 state from evaluated resources.
func Adapt(set *tfres.Set) ec2.State {
	var st ec2.State
	d := readDefaults(set, &st)
	a := &adapter{
		set: set, d: d,
		templates: map[string]*ec2.LaunchTemplate{},
		subnets:   map[string]model.Bool{},
		volumes:   map[string]*ec2.Volume{},
		snapshots: map[string]*ec2.Snapshot{},
		images:    map[string]*ec2.Image{},
	}
	for _, r := range set.OfType("aws_subnet") {
		a.subnets[r.Address] = r.Body.Bool("map_public_ip_on_launch", false)
	}
	for _, r := range set.OfType("aws_default_subnet") {
		// A default subnet keeps AWS's setting, which maps public IPs.
		a.subnets[r.Address] = r.Body.Bool("map_public_ip_on_launch", true)
	}
	for _, r := range set.OfType("aws_launch_template") {
		t := a.launchTemplate(r)
		a.templates[r.Address] = t
		st.LaunchTemplates = append(st.LaunchTemplates, t)
	}
	for _, r := range set.OfType("aws_instance") {
		st.Instances = append(st.Instances, a.instance(r))
	}
	for _, r := range set.OfType("aws_launch_configuration") {
		st.LaunchConfigurations = append(st.LaunchConfigurations, a.launchConfiguration(r))
	}
	for _, r := range set.OfType("aws_ebs_volume") {
		st.Volumes = append(st.Volumes, a.volume(r))
	}
	for _, t := range snapshotTypes {
		for _, r := range set.OfType(t) {
			st.Snapshots = append(st.Snapshots, a.snapshot(r))
		}
	}
	for _, t := range imageTypes {
		for _, r := range set.OfType(t) {
			st.Images = append(st.Images, a.image(r))
		}
	}
	for _, r := range set.OfType("aws_snapshot_create_volume_permission") {
		st.SnapshotPermissions = append(st.SnapshotPermissions, &ec2.SnapshotPermission{
			Resource:   r.Identity(""),
			SnapshotID: set.LinkID(r.Body, "snapshot_id", snapshotTypes),
			AccountID:  r.Body.String("account_id", ""),
		})
	}
	for _, r := range set.OfType("aws_ami_launch_permission") {
		b := r.Body
		st.ImagePermissions = append(st.ImagePermissions, &ec2.ImagePermission{
			Resource:        r.Identity(""),
			ImageID:         set.LinkID(b, "image_id", imageTypes),
			AccountID:       b.String("account_id", ""),
			Group:           b.String("group", ""),
			OrganizationARN: b.String("organization_arn", ""),
			OrgUnitARN:      b.String("organizational_unit_arn", ""),
		})
	}
	return st
}

type adapter struct {
	set       *tfres.Set
	d         accountDefaults
	templates map[string]*ec2.LaunchTemplate
	// subnets maps declared subnets to whether they map public IPs.
	subnets map[string]model.Bool
	// volumes, snapshots and images memoize adapted resources by address:
	// they are adapted on demand, since one's encryption depends on another's.
	volumes   map[string]*ec2.Volume
	snapshots map[string]*ec2.Snapshot
	images    map[string]*ec2.Image
}

func (a *adapter) instance(r *tfres.Resource) *ec2.Instance {
	b := r.Body
	lt := b.Block("launch_template")
	in := &ec2.Instance{Resource: r.Identity("")}
	in.SubnetID = a.set.LinkID(b, "subnet_id", subnetTypes)
	var tmpl *ec2.LaunchTemplate
	fromTemplate := lt.Present()
	if fromTemplate {
		in.LaunchTemplateID = a.set.LinkID(lt, "id", templateTypes)
		if !lt.Has("id") {
			in.LaunchTemplateID = a.set.LinkID(lt, "name", templateTypes)
		}
		if id, ok := in.LaunchTemplateID.Get(); ok {
			tmpl = a.templates[id]
		}
	} else {
		in.LaunchTemplateID = model.Default("", b.Origin)
	}
	in.ImageID = b.String("ami", "")
	in.InstanceType = b.String("instance_type", "")
	in.IAMInstanceProfile = a.set.LinkID(b, "iam_instance_profile", profileTypes)
	in.SecurityGroupIDs = concat(a.set.LinkIDs(b, "vpc_security_group_ids", securityGroupTypes), b.StringList("security_groups"))
	in.DetailedMonitoring = b.Bool("monitoring", false)
	in.PublicIP = a.instancePublicIP(b, in.SubnetID, tmpl, fromTemplate)

	mo := b.Block("metadata_options")
	switch {
	case mo.Present() || !fromTemplate:
		in.Metadata = a.metadata(mo)
	case tmpl != nil:
		in.Metadata = tmpl.Metadata
	default:
		in.Metadata = unknownMetadata(b.Origin)
	}

	// Without a root_block_device, the root volume is the launch template's
	// when there is one, otherwise the AMI's as the account defaults make it.
	if root := b.Block("root_block_device"); root.Present() || !fromTemplate {
		in.BlockDevices = append(in.BlockDevices, a.instanceDevice(root, true))
	}
	for _, eb := range b.Blocks("ebs_block_device") {
		in.BlockDevices = append(in.BlockDevices, a.instanceDevice(eb, false))
	}

	switch {
	case b.Has("user_data") || b.Has("user_data_base64") || !fromTemplate:
		in.UserData = userData(b, "user_data", "user_data_base64")
	default:
		in.UserData = ec2.UserData{Meta: model.Meta{Origin: b.Origin}}
	}
	return in
}

// instancePublicIP decides whether an instance gets a public IPv4 address:
// its own setting, else its launch template's, else its subnet's default.
func (a *adapter) instancePublicIP(b *tfres.Block, subnet model.String, tmpl *ec2.LaunchTemplate, fromTemplate bool) model.Bool {
	if b.Has("associate_public_ip_address") || b.Unknown() {
		return b.Bool("associate_public_ip_address", false)
	}
	if fromTemplate {
		if tmpl != nil && tmpl.PublicIP.Known() {
			return tmpl.PublicIP
		}
		return model.Unresolved[bool](b.Origin)
	}
	id, ok := subnet.Get()
	if !ok {
		return model.Unresolved[bool](b.Origin)
	}
	if m, declared := a.subnets[id]; declared {
		if v, ok := m.Get(); ok {
			return model.Default(v, b.Origin)
		}
	}
	// No subnet means the default VPC, whose subnets map public IPs unless
	// changed outside the configuration; an external subnet is unknown too.
	return model.Unresolved[bool](b.Origin)
}

func (a *adapter) metadata(mo *tfres.Block) ec2.MetadataOptions {
	return ec2.MetadataOptions{
		Endpoint: mo.String("http_endpoint", "enabled"),
		Tokens:   a.d.tokens(mo),
		HopLimit: mo.Int("http_put_response_hop_limit", 1),
	}
}

func unknownMetadata(o model.Origin) ec2.MetadataOptions {
	return ec2.MetadataOptions{
		Endpoint: model.Unresolved[string](o),
		Tokens:   model.Unresolved[string](o),
		HopLimit: model.Unresolved[int](o),
	}
}

func (a *adapter) instanceDevice(b *tfres.Block, root bool) *ec2.BlockDevice {
	dev := &ec2.BlockDevice{
		Origin:     b.Origin,
		DeviceName: b.String("device_name", ""),
		Root:       root,
		SnapshotID: a.set.LinkID(b, "snapshot_id", snapshotTypes),
		VolumeType: b.String("volume_type", ""),
		VolumeSize: b.Int("volume_size", 0),
	}
	dev.Encrypted = a.d.encrypted(b, "encrypted", a.snapshotEncrypted(b, "snapshot_id"))
	dev.EncryptionKey = a.d.kmsKey(a.set, b, "kms_key_id")
	return dev
}

func (a *adapter) launchTemplate(r *tfres.Resource) *ec2.LaunchTemplate {
	b := r.Body
	t := &ec2.LaunchTemplate{Resource: r.Identity(b.String("name", "").Val())}
	t.ImageID = b.String("image_id", "")
	t.InstanceType = b.String("instance_type", "")
	prof := b.Block("iam_instance_profile")
	if prof.Has("arn") {
		t.IAMInstanceProfile = a.set.LinkID(prof, "arn", profileTypes)
	} else {
		t.IAMInstanceProfile = a.set.LinkID(prof, "name", profileTypes)
	}
	sgs := concat(a.set.LinkIDs(b, "vpc_security_group_ids", securityGroupTypes), b.StringList("security_group_names"))
	t.PublicIP = model.Unresolved[bool](b.Origin)
	nis := b.Blocks("network_interfaces")
	known := b.BlocksKnown("network_interfaces")
	allFalse := known && len(nis) > 0
	for _, ni := range nis {
		sgs = concat(sgs, a.set.LinkIDs(ni, "security_groups", securityGroupTypes))
		// The attribute is a string ("true"/"false") in the provider schema;
		// unset leaves the choice to the subnet.
		if !ni.Has("associate_public_ip_address") {
			allFalse = false
			continue
		}
		v := ni.Bool("associate_public_ip_address", false)
		switch {
		case v.Is(true):
			if !t.PublicIP.Is(true) {
				t.PublicIP = v
			}
		case !v.Known():
			allFalse = false
		}
	}
	if allFalse && !t.PublicIP.Is(true) {
		t.PublicIP = model.Set(false, nis[0].Attr("associate_public_ip_address").Origin)
	}
	t.SecurityGroupIDs = sgs
	t.Metadata = a.metadata(b.Block("metadata_options"))
	for _, m := range b.Blocks("block_device_mappings") {
		ebs := m.Block("ebs")
		if !ebs.Present() {
			continue
		}
		dev := &ec2.BlockDevice{
			Origin:     m.Origin,
			DeviceName: m.String("device_name", ""),
			SnapshotID: a.set.LinkID(ebs, "snapshot_id", snapshotTypes),
			VolumeType: ebs.String("volume_type", ""),
			VolumeSize: ebs.Int("volume_size", 0),
		}
		dev.Encrypted = a.d.encrypted(ebs, "encrypted", a.snapshotEncrypted(ebs, "snapshot_id"))
		dev.EncryptionKey = a.d.kmsKey(a.set, ebs, "kms_key_id")
		t.BlockDevices = append(t.BlockDevices, dev)
	}
	// Launch templates hold user data base64-encoded.
	t.UserData = scanUserData(b.String("user_data", ""), true)
	if !b.Has("user_data") && !b.Unknown() {
		t.UserData = ec2.UserData{Meta: model.Meta{Origin: b.Origin, Certainty: model.Defaulted}}
	}
	t.DetailedMonitoring = b.Block("monitoring").Bool("enabled", false)
	return t
}

func (a *adapter) launchConfiguration(r *tfres.Resource) *ec2.LaunchConfiguration {
	b := r.Body
	c := &ec2.LaunchConfiguration{Resource: r.Identity(b.String("name", "").Val())}
	c.ImageID = b.String("image_id", "")
	c.InstanceType = b.String("instance_type", "")
	c.IAMInstanceProfile = a.set.LinkID(b, "iam_instance_profile", profileTypes)
	c.SecurityGroupIDs = a.set.LinkIDs(b, "security_groups", securityGroupTypes)
	// Unset, the subnet the Auto Scaling group launches into decides.
	c.PublicIP = model.Unresolved[bool](b.Origin)
	if b.Has("associate_public_ip_address") {
		c.PublicIP = b.Bool("associate_public_ip_address", false)
	}
	c.Metadata = a.metadata(b.Block("metadata_options"))
	c.BlockDevices = append(c.BlockDevices, a.instanceDevice(b.Block("root_block_device"), true))
	for _, eb := range b.Blocks("ebs_block_device") {
		c.BlockDevices = append(c.BlockDevices, a.instanceDevice(eb, false))
	}
	c.UserData = userData(b, "user_data", "user_data_base64")
	c.DetailedMonitoring = b.Bool("enable_monitoring", true)
	return c
}

// concat joins lists of security groups given in several attributes (by ID
// and by name): the result is unknown when any part is.
func concat(ls ...model.List[string]) model.List[string] {
	out := ls[0]
	out.Items = append([]model.Value[string](nil), out.Items...)
	for _, l := range ls[1:] {
		if !l.Known() {
			out.Certainty = model.Unknown
		}
		if l.Certainty == model.Explicit && out.Certainty == model.Defaulted {
			out.Meta = l.Meta
		}
		out.Items = append(out.Items, l.Items...)
	}
	return out
}
