// STIX 2.1 Errata 01 §10 vocabularies: open vocabularies (`-ov`, values only suggested) and closed enumerations (`-enum`).
import type { Vocabulary } from './model.ts';

const v = (name: string, section: string, values: string): Vocabulary => ({
  name,
  section,
  values: new Set(values.trim().split(/\s+/)),
});

export const ACCOUNT_TYPE = v('account-type-ov', '10.1',
  'facebook ldap nis openid radius skype tacacs twitter unix windows-local windows-domain');
export const ATTACK_MOTIVATION = v('attack-motivation-ov', '10.2',
  'accidental coercion dominance ideology notoriety organizational-gain personal-gain personal-satisfaction revenge unpredictable');
export const ATTACK_RESOURCE_LEVEL = v('attack-resource-level-ov', '10.3',
  'individual club contest team organization government');
export const ENCRYPTION_ALGORITHM = v('encryption-algorithm-enum', '10.4',
  'AES-256-GCM ChaCha20-Poly1305 mime-type-indicated');
export const EXTENSION_TYPE = v('extension-type-enum', '10.5',
  'new-sdo new-sco new-sro property-extension toplevel-property-extension');
export const GROUPING_CONTEXT = v('grouping-context-ov', '10.6', 'suspicious-activity malware-analysis unspecified');
export const HASH_ALGORITHM = v('hash-algorithm-ov', '10.7', 'MD5 SHA-1 SHA-256 SHA-512 SHA3-256 SHA3-512 SSDEEP TLSH');
export const IDENTITY_CLASS = v('identity-class-ov', '10.8', 'individual group system organization class unknown');
export const IMPLEMENTATION_LANGUAGE = v('implementation-language-ov', '10.9',
  'applescript bash c c++ c# go java javascript lua objective-c perl php powershell python ruby rust scala swift typescript visual-basic x86-32 x86-64');
export const INDICATOR_TYPE = v('indicator-type-ov', '10.10',
  'anomalous-activity anonymization benign compromised malicious-activity attribution unknown');
export const INDUSTRY_SECTOR = v('industry-sector-ov', '10.11',
  `agriculture aerospace automotive chemical commercial communications construction defense education energy
   entertainment financial-services government emergency-services government-local government-national
   government-public-services government-regional healthcare hospitality-leisure infrastructure dams nuclear water
   insurance legal manufacturing mining non-profit pharmaceuticals retail technology telecommunications transportation utilities`);
export const INFRASTRUCTURE_TYPE = v('infrastructure-type-ov', '10.12',
  'amplification anonymization botnet command-and-control control-system exfiltration firewall hosting-malware hosting-target-lists phishing reconnaissance routers-switches staging workstation unknown');
export const MALWARE_CAPABILITIES = v('malware-capabilities-ov', '10.13',
  `accesses-remote-machines anti-debugging anti-disassembly anti-emulation anti-memory-forensics anti-sandbox anti-vm
   captures-input-peripherals captures-output-peripherals captures-system-state-data cleans-traces-of-infection
   commits-fraud communicates-with-c2 compromises-data-availability compromises-data-integrity
   compromises-system-availability controls-local-machine degrades-security-software degrades-system-updates
   determines-c2-server emails-spam escalates-privileges evades-av exfiltrates-data fingerprints-host hides-artifacts
   hides-executing-code infects-files infects-remote-machines installs-other-components persists-after-system-reboot
   prevents-artifact-access prevents-artifact-deletion probes-network-environment self-modifies
   steals-authentication-credentials violates-system-operational-integrity`);
export const MALWARE_RESULT = v('malware-result-ov', '10.14', 'malicious suspicious benign unknown');
export const MALWARE_TYPE = v('malware-type-ov', '10.15',
  `adware backdoor bot bootkit ddos downloader dropper exploit-kit keylogger ransomware remote-access-trojan
   resource-exploitation rogue-security-software rootkit screen-capture spyware trojan unknown virus webshell wiper worm`);
export const SOCKET_ADDRESS_FAMILY = v('network-socket-address-family-enum', '10.16',
  'AF_UNSPEC AF_INET AF_IPX AF_APPLETALK AF_NETBIOS AF_INET6 AF_IRDA AF_BTH');
export const SOCKET_TYPE = v('network-socket-type-enum', '10.17', 'SOCK_STREAM SOCK_DGRAM SOCK_RAW SOCK_RDM SOCK_SEQPACKET');
export const OPINION = v('opinion-enum', '10.18', 'strongly-disagree disagree neutral agree strongly-agree');
export const PATTERN_TYPE = v('pattern-type-ov', '10.19', 'stix pcre sigma snort suricata yara');
export const PROCESSOR_ARCHITECTURE = v('processor-architecture-ov', '10.20',
  'alpha arm ia-64 mips powerpc sparc x86 x86-64');
export const REGION = v('region-ov', '10.21',
  `africa eastern-africa middle-africa northern-africa southern-africa western-africa americas caribbean
   central-america latin-america-caribbean northern-america south-america asia central-asia eastern-asia
   southern-asia south-eastern-asia western-asia europe eastern-europe northern-europe southern-europe western-europe
   oceania antarctica australia-new-zealand melanesia micronesia polynesia`);
export const REPORT_TYPE = v('report-type-ov', '10.22',
  'attack-pattern campaign identity incident indicator intrusion-set malware observed-data threat-actor threat-report tool vulnerability');
export const THREAT_ACTOR_TYPE = v('threat-actor-type-ov', '10.23',
  'activist competitor crime-syndicate criminal hacker insider-accidental insider-disgruntled nation-state private-sector sensationalist spy terrorist unknown');
export const THREAT_ACTOR_ROLE = v('threat-actor-role-ov', '10.24',
  'agent director independent infrastructure-architect infrastructure-operator malware-author sponsor');
export const THREAT_ACTOR_SOPHISTICATION = v('threat-actor-sophistication-ov', '10.25',
  'none minimal intermediate advanced expert innovator strategic');
export const TOOL_TYPE = v('tool-type-ov', '10.26',
  'denial-of-service exploitation information-gathering network-capture credential-exploitation remote-access vulnerability-scanning unknown');
export const WINDOWS_INTEGRITY_LEVEL = v('windows-integrity-level-enum', '10.27', 'low medium high system');
export const WINDOWS_PEBINARY_TYPE = v('windows-pebinary-type-ov', '10.28', 'dll exe sys');
export const WINDOWS_REGISTRY_DATATYPE = v('windows-registry-datatype-enum', '10.29',
  `REG_NONE REG_SZ REG_EXPAND_SZ REG_BINARY REG_DWORD REG_DWORD_BIG_ENDIAN REG_DWORD_LITTLE_ENDIAN REG_LINK REG_MULTI_SZ
   REG_RESOURCE_LIST REG_FULL_RESOURCE_DESCRIPTION REG_RESOURCE_REQUIREMENTS_LIST REG_QWORD REG_INVALID_TYPE`);
export const WINDOWS_SERVICE_START_TYPE = v('windows-service-start-type-enum', '10.30',
  'SERVICE_AUTO_START SERVICE_BOOT_START SERVICE_DEMAND_START SERVICE_DISABLED SERVICE_SYSTEM_ALERT');
export const WINDOWS_SERVICE_TYPE = v('windows-service-type-enum', '10.31',
  'SERVICE_KERNEL_DRIVER SERVICE_FILE_SYSTEM_DRIVER SERVICE_WIN32_OWN_PROCESS SERVICE_WIN32_SHARE_PROCESS');
export const WINDOWS_SERVICE_STATUS = v('windows-service-status-enum', '10.32',
  'SERVICE_CONTINUE_PENDING SERVICE_PAUSE_PENDING SERVICE_PAUSED SERVICE_RUNNING SERVICE_START_PENDING SERVICE_STOP_PENDING SERVICE_STOPPED');
