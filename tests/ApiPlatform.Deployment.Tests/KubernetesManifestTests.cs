using ApiPlatform.AppHost;
using ApiPlatform.Catalog;
using k8s.Models;

namespace ApiPlatform.Deployment.Tests;

/// <summary>Both overlays render offline, every object is a valid Kubernetes API object, and each follows the platform's rules.</summary>
public sealed class KubernetesManifestTests
{
    private static readonly string[] TierOrder = ["experience", "process", "system"];

    public static TheoryData<string> Overlays => ["dev", "prod"];

    public static TheoryData<string, string> OverlaysAndDeployables
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var overlay in new[] { "dev", "prod" })
            {
                foreach (var service in Repository.Deployables)
                {
                    data.Add(overlay, service.Name);
                }
            }
            return data;
        }
    }

    [SkippableTheory]
    [MemberData(nameof(OverlaysAndDeployables))]
    public void Every_deployable_has_its_deployment_service_configuration_autoscaler_and_disruption_budget(string overlay, string service)
    {
        Kustomize.SkipWithoutKubectl();
        var objects = Kustomize.Overlay(overlay);

        var deployment = objects.Named<V1Deployment>(service);
        Assert.Equal(service, objects.Named<V1Service>(service).Spec.Selector["app.kubernetes.io/name"]);
        Assert.Equal(service, deployment.Spec.Template.Metadata.Labels["app.kubernetes.io/name"]);
        Assert.Equal(service, objects.Named<V2HorizontalPodAutoscaler>(service).Spec.ScaleTargetRef.Name);
        Assert.Equal(service, objects.Named<V1PodDisruptionBudget>(service).Spec.Selector.MatchLabels["app.kubernetes.io/name"]);
        objects.Named<V1ConfigMap>(service + "-config");
        Assert.Equal(Repository.Deployable(service).Tier, deployment.Spec.Template.Metadata.Labels["apiplatform.io/tier"]);
    }

    [SkippableTheory]
    [MemberData(nameof(OverlaysAndDeployables))]
    public void Every_deployable_is_probed_limited_and_locked_down(string overlay, string service)
    {
        Kustomize.SkipWithoutKubectl();
        var pod = Kustomize.Overlay(overlay).Named<V1Deployment>(service).Spec.Template.Spec;
        var container = Assert.Single(pod.Containers);

        Assert.Equal("/health/live", container.LivenessProbe.HttpGet.Path);
        Assert.Equal("/health/ready", container.ReadinessProbe.HttpGet.Path);
        Assert.All(new[] { "cpu", "memory" }, resource =>
        {
            Assert.True(container.Resources.Requests.ContainsKey(resource), $"{service}: requests.{resource}");
            Assert.True(container.Resources.Limits.ContainsKey(resource), $"{service}: limits.{resource}");
        });
        Assert.True(pod.SecurityContext.RunAsNonRoot);
        Assert.True(pod.SecurityContext.RunAsUser > 0);
        Assert.Equal("RuntimeDefault", pod.SecurityContext.SeccompProfile.Type);
        Assert.False(container.SecurityContext.AllowPrivilegeEscalation);
        Assert.True(container.SecurityContext.ReadOnlyRootFilesystem);
        Assert.Equal(["ALL"], container.SecurityContext.Capabilities.Drop);
        Assert.False(pod.AutomountServiceAccountToken);
        // The pod leaves the Service before its listener stops, and in-flight requests get the host's 30-s shutdown.
        var pause = container.Lifecycle.PreStop.Sleep.Seconds;
        Assert.True(pause > 0);
        Assert.True(pod.TerminationGracePeriodSeconds > pause + 30, $"{service}: grace {pod.TerminationGracePeriodSeconds} s");
    }

    [SkippableTheory]
    [MemberData(nameof(OverlaysAndDeployables))]
    public void Every_database_is_migrated_by_a_job_before_the_rollout_and_no_replica_migrates_it(string overlay, string service)
    {
        Kustomize.SkipWithoutKubectl();
        var objects = Kustomize.Overlay(overlay);
        var deployment = Assert.Single(objects.Named<V1Deployment>(service).Spec.Template.Spec.Containers);
        var job = objects.Named<V1Job>(service + "-migrate");
        var pod = job.Spec.Template.Spec;
        var migrate = Assert.Single(pod.Containers);

        // The service's own image and database, in the mode that migrates and exits.
        Assert.Equal(deployment.Image, migrate.Image);
        var settings = objects.Configuration(migrate);
        var serving = objects.Configuration(deployment);
        Assert.Equal("true", settings["Database:MigrateOnly"]);
        Assert.Equal(serving[$"ConnectionStrings:{service}"], settings[$"ConnectionStrings:{service}"]);
        Assert.Equal(serving["Database:Provider"], settings["Database:Provider"]);
        Assert.Equal(serving["ASPNETCORE_ENVIRONMENT"], settings["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("false", serving["Database:ApplyMigrations"]);
        Assert.False(serving.ContainsKey("Database:MigrateOnly"), $"{service}: the Deployment must serve, not migrate");

        // Retried on failure, never forever, and as locked down as the service.
        Assert.Equal("Never", pod.RestartPolicy);
        Assert.InRange(job.Spec.BackoffLimit ?? 6, 1, 10);
        Assert.NotNull(job.Spec.ActiveDeadlineSeconds);
        Assert.True(pod.SecurityContext.RunAsNonRoot);
        Assert.Equal("RuntimeDefault", pod.SecurityContext.SeccompProfile.Type);
        Assert.False(migrate.SecurityContext.AllowPrivilegeEscalation);
        Assert.True(migrate.SecurityContext.ReadOnlyRootFilesystem);
        Assert.Equal(["ALL"], migrate.SecurityContext.Capabilities.Drop);
        Assert.True(migrate.Resources.Limits.ContainsKey("memory"));
        Assert.False(pod.AutomountServiceAccountToken);
        // Its pod reaches the database through the platform's dependency policy, and is no endpoint of the service.
        Assert.Equal("apiplatform", job.Spec.Template.Metadata.Labels["app.kubernetes.io/part-of"]);
        Assert.NotEqual(service, job.Spec.Template.Metadata.Labels["app.kubernetes.io/name"]);
    }

    [SkippableTheory]
    [MemberData(nameof(Overlays))]
    public void Every_image_is_pinned_to_a_version(string overlay)
    {
        Kustomize.SkipWithoutKubectl();
        var containers = Kustomize.Overlay(overlay).Containers().ToList();

        Assert.NotEmpty(containers);
        Assert.All(containers, container =>
        {
            var tag = container.Image.Contains(':', StringComparison.Ordinal) ? container.Image[(container.Image.LastIndexOf(':') + 1)..] : "";
            Assert.True(tag.Length > 0 && tag != "latest" && char.IsDigit(tag[0]), $"{container.Name}: image {container.Image}");
        });
    }

    [SkippableTheory]
    [MemberData(nameof(OverlaysAndDeployables))]
    public void Every_setting_a_service_reads_is_set(string overlay, string service)
    {
        Kustomize.SkipWithoutKubectl();
        var objects = Kustomize.Overlay(overlay);
        var definition = Repository.Deployable(service);
        var settings = objects.Configuration(Assert.Single(objects.Named<V1Deployment>(service).Spec.Template.Spec.Containers));

        var required = new List<string>
        {
            "ASPNETCORE_ENVIRONMENT", "Auth:Authority", "Auth:Issuer", "Database:Provider", "ConnectionStrings:redis", "Messaging:Transport",
        };
        required.AddRange(definition.Downstream.Select(d => $"Downstream:{d}"));
        required.Add($"ConnectionStrings:{service}");
        if (definition.HasServiceClient)
        {
            required.AddRange(["Auth:ClientId", "Auth:ClientSecret"]);
            Assert.Equal($"svc-{service}", settings.GetValueOrDefault("Auth:ClientId"));
        }
        if (service == "gateway")
        {
            required.AddRange(Repository.Deployables.Where(s => s.Tier is "system" or "process" or "experience").Select(s => $"Gateway:Upstreams:{s.Name}"));
            required.Add("Catalog:Path");
        }
        if (service == "identity")
        {
            var catalog = CatalogLoader.Load(Path.Combine(Repository.Root, "contracts", "catalog"));
            required.AddRange(catalog.Consumers.Where(c => !c.DevelopmentOnly).Select(c => $"Identity:Clients:{c.ClientId}:Secret"));
            required.AddRange(["Identity:SigningKeys:Path", "Catalog:Path"]);
        }

        Assert.All(required, key => Assert.True(settings.ContainsKey(key), $"{service} ({overlay}): {key} is not set"));
        Assert.Equal("postgres", settings["Database:Provider"]);
        Assert.Equal("redis", settings["Messaging:Transport"]);
        Assert.All(definition.Downstream, d => Assert.Equal($"http://{d}:8080/", settings[$"Downstream:{d}"]));
    }

    [SkippableFact]
    public void Production_references_secrets_it_never_holds_and_runs_in_the_production_environment()
    {
        Kustomize.SkipWithoutKubectl();
        var objects = Kustomize.Overlay("prod");

        Assert.Empty(objects.OfType<V1Secret>());
        Assert.Equal("Production", objects.Named<V1ConfigMap>("platform-config").Data["ASPNETCORE_ENVIRONMENT"]);
        Assert.NotEmpty(objects.Named<V1Ingress>("gateway").Spec.Tls);
        Assert.StartsWith("https://", objects.Named<V1ConfigMap>("platform-config").Data["Auth__Issuer"], StringComparison.Ordinal);
    }

    [SkippableFact]
    public void The_dev_overlay_runs_redis_append_only_and_postgresql_in_the_cluster()
    {
        Kustomize.SkipWithoutKubectl();
        var objects = Kustomize.Overlay("dev");

        var redis = Assert.Single(objects.Named<V1StatefulSet>("redis").Spec.Template.Spec.Containers);
        Assert.Contains("--appendonly", redis.Args);
        Assert.Equal("yes", redis.Args[redis.Args.IndexOf("--appendonly") + 1]);
        objects.Named<V1StatefulSet>("postgres");
        Assert.Equal(["postgres", "redis"], objects.OfType<V1Service>().Select(s => s.Metadata.Name).Where(n => n is "postgres" or "redis").Order());
    }

    [SkippableTheory]
    [MemberData(nameof(Overlays))]
    public void Network_policies_deny_by_default_and_allow_only_calls_down_the_tier_order(string overlay)
    {
        Kustomize.SkipWithoutKubectl();
        var policies = Kustomize.Overlay(overlay).OfType<V1NetworkPolicy>().ToList();
        var denyAll = policies.Named<V1NetworkPolicy>("default-deny");
        Assert.Empty(denyAll.Spec.PodSelector.MatchLabels ?? new Dictionary<string, string>());
        Assert.Equal(["Egress", "Ingress"], denyAll.Spec.PolicyTypes.Order());
        Assert.Null(denyAll.Spec.Ingress);
        Assert.Null(denyAll.Spec.Egress);

        var apis = Repository.Deployables.Where(s => TierOrder.Contains(s.Tier)).ToList();
        foreach (var api in apis)
        {
            var callers = policies.Where(p => p.Spec.PodSelector.AppName() == api.Name)
                .SelectMany(p => p.Spec.Ingress ?? []).SelectMany(rule => rule.FromProperty.PodNames()).ToList();
            Assert.Contains("gateway", callers);
            // A caller other than the gateway sits on a higher tier: experience → process → system, never back up.
            Assert.All(callers.Where(c => c != "gateway"), caller =>
                Assert.True(Array.IndexOf(TierOrder, Repository.Deployable(caller).Tier) < Array.IndexOf(TierOrder, api.Tier),
                    $"{caller} ({Repository.Deployable(caller).Tier}) may call {api.Name} ({api.Tier})"));
            // And every call the services make is allowed at both ends.
            foreach (var caller in Repository.Deployables.Where(s => s.Downstream.Contains(api.Name)))
            {
                Assert.Contains(caller.Name, callers);
                var egress = policies.Where(p => p.Spec.PodSelector.AppName() == caller.Name)
                    .SelectMany(p => p.Spec.Egress ?? []).SelectMany(rule => rule.To.PodNames());
                Assert.Contains(api.Name, egress);
            }
        }
        var gatewayIngress = policies.Where(p => p.Spec.PodSelector.AppName() == "gateway")
            .SelectMany(p => p.Spec.Ingress ?? []).SelectMany(rule => rule.FromProperty).ToList();
        Assert.All(gatewayIngress, peer => Assert.NotNull(peer.NamespaceSelector));
    }

    [Fact]
    public void The_catalog_configmaps_carry_every_file_of_the_catalog()
    {
        var catalog = Path.Combine(Repository.Root, "contracts", "catalog");
        var listed = File.ReadAllLines(Path.Combine(catalog, "kustomization.yaml")).Select(l => l.Trim())
            .Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => l[2..]).ToHashSet();

        var files = Directory.GetFiles(Path.Combine(catalog, "apis"), "*.yaml").Select(f => "apis/" + Path.GetFileName(f)).Append("consumers.yaml");

        Assert.All(files, file => Assert.Contains(file, listed));
    }
}
