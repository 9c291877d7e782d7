/**
 * Wire names that real Overkiz setups send but the reference catalogues do not list yet. The
 * generator adds them to the name catalogue (`UIWidget`, `UIClass`, `OverkizCommand`,
 * `OverkizState`) with a constant derived from the name, or the one given next to it where the
 * derived one is taken; a name the reference gains later is taken from the reference and this
 * entry becomes a no-op.
 */
export type Addition = string | readonly [value: string, constant: string];

export const CATALOGUE_ADDITIONS: Readonly<Record<"UIWidget" | "UIClass" | "OverkizCommand" | "OverkizState", readonly Addition[]>> = {
  UIWidget: [
    "AtlanticElectricalHeaterWithAdjustableTemperatureSetpoint",
    "CumulativeElectricPowerConsumptionSensor",
    "DynamicAudioplayer",
    "PositionableRollerShutterWithLowSpeedManagement",
    "ProgrammableAndProtectableThermostatSetPoint",
  ],
  UIClass: [],
  OverkizCommand: [
    "openNetworkWithCommissioningManagement",
    "refreshComfortCoolingTargetTemperature",
    "refreshComfortHeatingTargetTemperature",
    "refreshMaximumCoolingTargetTemperature",
    "refreshMaximumHeatingTargetTemperature",
    "refreshMinimumCoolingTargetTemperature",
    "refreshMinimumHeatingTargetTemperature",
    "refreshSetpointLoweringTemperatureInProgMode",
    "refreshTemperatureProbeCalibrationOffset",
    "refreshZonesTemperatureSensorAvailability",
    "setSetpointLoweringTemperatureInProgMode",
    "startInclusionWithModeAndSecurityLevel",
    "unpairAllOneWayControllersAndDeleteNode",
  ],
  OverkizState: [
    "core:AbsenceCoolingTargetTemperatureState",
    "core:AbsenceHeatingTargetTemperatureState",
    "core:ComfortCoolingTargetTemperatureState",
    "core:ComfortHeatingTargetTemperatureState",
    // The reference names `core:FirmwareRevision` CORE_FIRMWARE_REVISION.
    ["core:FirmwareRevisionState", "CORE_FIRMWARE_REVISION_STATE"],
    "core:FrostProtectionTargetTemperatureState",
    "core:MaximumCoolingTargetTemperatureState",
    "core:MaximumHeatingTargetTemperatureState",
    "core:MinimumCoolingTargetTemperatureState",
    "core:MinimumHeatingTargetTemperatureState",
    "core:TargetTemperatureCurrentLowerBoundState",
    "core:TargetTemperatureCurrentUpperBoundState",
    "io:OpenWindowDetectedTargetTemperatureState",
    "io:SetpointLoweringTemperatureInProgModeState",
    "io:TemperatureProbeCalibrationOffsetState",
    "ovp:HeatingTemperatureInterfaceActiveModeState",
    "ovp:HeatingTemperatureInterfaceOperatingModeState",
    "ovp:HeatingTemperatureInterfaceSetPointModeState",
    "somfythermostat:AtHomeTargetTemperatureState",
    "somfythermostat:AwayModeTargetTemperatureState",
    "somfythermostat:DerogationHeatingModeState",
    "somfythermostat:FreezeModeTargetTemperatureState",
    "somfythermostat:GeofencingModeTargetTemperatureState",
    "somfythermostat:ManualModeTargetTemperatureState",
    "somfythermostat:SleepingModeTargetTemperatureState",
    "somfythermostat:SuddenDropModeTargetTemperatureState",
    "zwave:ManufacturerSpecificManufacturerIdState",
    "zwave:ManufacturerSpecificProductTypeIdState",
  ],
};

/** `setDHWMode` → `SET_DHW_MODE`; `core:ClosureState` → `CORE_CLOSURE` (the reference's naming). */
export function constantFor(value: string): string {
  const [namespace, local] = value.includes(":") ? (value.split(":", 2) as [string, string]) : [undefined, value];
  const words = (namespace === undefined ? local : local.replace(/State$/, ""))
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .toUpperCase();
  return namespace === undefined ? words : `${namespace.toUpperCase()}_${words}`;
}
