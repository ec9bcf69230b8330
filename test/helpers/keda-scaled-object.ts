/**
 * A minimal strict type of KEDA's ScaledObject (keda.sh/v1alpha1), for strict-schema.ts: no installed package ships
 * its schema, so this lists the fields of KEDA 2.x's CRD (docs: keda.sh/docs/2.x/reference/scaledobject-spec) a
 * chart may set. Anything else in a rendered ScaledObject is an unknown field.
 */
import type { IIoK8sApimachineryPkgApisMetaV1ObjectMeta } from '@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta';
import type { IHorizontalPodAutoscalerBehavior } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscalerBehavior';

export interface IScaledObjectTrigger {
  type: string;
  name?: string;
  /** KEDA reads every trigger parameter as a string. */
  metadata: Record<string, string>;
  authenticationRef?: { name: string; kind?: 'TriggerAuthentication' | 'ClusterTriggerAuthentication' };
  metricType?: 'AverageValue' | 'Value' | 'Utilization';
  useCachedMetrics?: boolean;
}

export interface IScaledObject {
  apiVersion: 'keda.sh/v1alpha1';
  kind: 'ScaledObject';
  metadata: IIoK8sApimachineryPkgApisMetaV1ObjectMeta;
  spec: {
    scaleTargetRef: { apiVersion?: string; kind?: string; name: string; envSourceContainerName?: string };
    pollingInterval?: number;
    initialCooldownPeriod?: number;
    cooldownPeriod?: number;
    idleReplicaCount?: number;
    minReplicaCount?: number;
    maxReplicaCount?: number;
    fallback?: { failureThreshold: number; replicas: number; behavior?: 'static' | 'currentReplicas' | 'currentReplicasIfHigher' | 'currentReplicasIfLower' };
    advanced?: {
      restoreToOriginalReplicaCount?: boolean;
      horizontalPodAutoscalerConfig?: { name?: string; behavior?: IHorizontalPodAutoscalerBehavior };
    };
    triggers: IScaledObjectTrigger[];
  };
}
