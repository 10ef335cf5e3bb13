package sns

import (
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/iam"
	"github.com/vigil-sec/vigil/internal/model/aws/sns"
	iamadapt "github.com/vigil-sec/vigil/internal/source/tfaws/iam"
	kmsadapt "github.com/vigil-sec/vigil/internal/source/tfaws/kms"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

var topicTypes = []string{"aws_sns_topic"}

// Adapt builds the SNS state from evaluated resources.
func Adapt(set *tfres.Set) sns.State {
	var st sns.State
	policies := set.Attach("aws_sns_topic_policy", "arn", topicTypes)
	for _, r := range set.OfType("aws_sns_topic") {
		b := r.Body
		name := topicName(b)
		st.Topics = append(st.Topics, &sns.Topic{
			Resource:      r.Identity(name.Val()),
			TopicName:     name,
			FIFO:          b.Bool("fifo_topic", false),
			EncryptionKey: kmsadapt.KeyRef(set, b, "kms_master_key_id"),
			Policy:        policy(set, r, policies),
		})
	}
	for _, r := range set.OfType("aws_sns_topic_subscription") {
		b := r.Body
		st.Subscriptions = append(st.Subscriptions, &sns.Subscription{
			Resource: r.Identity(""),
			TopicARN: b.String("topic_arn", ""),
			TopicID:  set.LinkID(b, "topic_arn", topicTypes),
			Protocol: b.String("protocol", ""),
			Endpoint: b.String("endpoint", ""),
		})
	}
	return st
}

// topicName is the topic's name; with name_prefix (or neither) it is
// generated at apply time.
func topicName(b *tfres.Block) model.String {
	if b.Has("name") || b.Unknown() {
		return b.String("name", "")
	}
	return model.Unresolved[string](b.Origin)
}

// policy reads the topic policy from an aws_sns_topic_policy companion, which
// replaces the inline policy argument, or from that argument. Without either,
// the policy is iam.Absent: SNS applies its owner-only default policy.
func policy(set *tfres.Set, r *tfres.Resource, comps tfres.Companions) iam.Document {
	c, certain := comps.For(r)
	switch {
	case c != nil:
		return iamadapt.Document(set, c.Body, "policy")
	case !certain:
		return iam.ParseDocument(model.Unresolved[string](r.Body.Origin))
	}
	return iamadapt.Document(set, r.Body, "policy")
}
