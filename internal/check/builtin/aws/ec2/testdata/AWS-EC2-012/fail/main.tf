locals {
  cloud_config = <<-EOT
    #cloud-config
    runcmd:
      - echo "admin_password: Tr0ub4dor-and-3" >> /etc/app/config.yml
  EOT
}

resource "aws_launch_configuration" "web" {
  name_prefix   = "web-"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  user_data     = local.cloud_config # want: AWS-EC2-012
}
