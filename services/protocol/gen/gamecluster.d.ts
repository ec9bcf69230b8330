import * as $protobuf from "protobufjs";

export namespace gamecluster {

    namespace v1 {

        enum ReturnCode {
            RETURN_CODE_OK = 0,
            RETURN_CODE_UNKNOWN = 1,
            RETURN_CODE_ACCOUNT_NOT_FOUND = 2,
            RETURN_CODE_PASSWORD_WRONG = 3,
            RETURN_CODE_NO_APP = 4,
            RETURN_CODE_TOKEN_INVALID = 5,
            RETURN_CODE_BUSY = 6,
            RETURN_CODE_ALREADY_ONLINE = 7,
            RETURN_CODE_NOT_AUTHENTICATED = 8,
            RETURN_CODE_QUEUED = 9,
            RETURN_CODE_ROOM_NOT_FOUND = 10,
            RETURN_CODE_ROOM_FULL = 11,
            RETURN_CODE_ROOM_CLOSED = 12,
            RETURN_CODE_ROOM_INVALID = 13
        }

        enum AppType {
            APP_TYPE_UNSPECIFIED = 0,
            APP_TYPE_LOGIN = 1,
            APP_TYPE_GAME = 2,
            APP_TYPE_APPMGR = 4
        }

        enum AppState {
            APP_STATE_UNSPECIFIED = 0,
            APP_STATE_READY = 1,
            APP_STATE_DRAINING = 2
        }

        interface IAppInfoSync extends gamecluster.v1.AppInfoSync.$Properties {
        }

        class AppInfoSync {
            constructor(properties?: gamecluster.v1.AppInfoSync.$Properties);
            $unknowns?: Uint8Array[];
            appId: string;
            appType: gamecluster.v1.AppType;
            online: number;
            ip: string;
            port: number;
            state: gamecluster.v1.AppState;
            tsMs: number;
            capacity: number;
            wsPort: number;
            runId: string;
            caps: string[];
            modes: gamecluster.v1.RoomMode.$Properties[];
            static encode(message: gamecluster.v1.AppInfoSync.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): gamecluster.v1.AppInfoSync & gamecluster.v1.AppInfoSync.$Shape;
        }

        namespace AppInfoSync {
            interface $Properties {
                appId?: (string|null);
                appType?: (gamecluster.v1.AppType|null);
                online?: (number|null);
                ip?: (string|null);
                port?: (number|null);
                state?: (gamecluster.v1.AppState|null);
                tsMs?: (number|null);
                capacity?: (number|null);
                wsPort?: (number|null);
                runId?: (string|null);
                caps?: (string[]|null);
                modes?: (gamecluster.v1.RoomMode.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = gamecluster.v1.AppInfoSync.$Properties;
        }

        interface IRoomMode extends gamecluster.v1.RoomMode.$Properties {
        }

        class RoomMode {
            constructor(properties?: gamecluster.v1.RoomMode.$Properties);
            $unknowns?: Uint8Array[];
            mode: string;
            maxPlayers: number;
            static encode(message: gamecluster.v1.RoomMode.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): gamecluster.v1.RoomMode & gamecluster.v1.RoomMode.$Shape;
        }

        namespace RoomMode {
            interface $Properties {
                mode?: (string|null);
                maxPlayers?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = gamecluster.v1.RoomMode.$Properties;
        }

        interface IPing extends gamecluster.v1.Ping.$Properties {
        }

        class Ping {
            constructor(properties?: gamecluster.v1.Ping.$Properties);
            $unknowns?: Uint8Array[];
            clientTimeMs: number;
            static encode(message: gamecluster.v1.Ping.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): gamecluster.v1.Ping & gamecluster.v1.Ping.$Shape;
        }

        namespace Ping {
            interface $Properties {
                clientTimeMs?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = gamecluster.v1.Ping.$Properties;
        }

        interface IPong extends gamecluster.v1.Pong.$Properties {
        }

        class Pong {
            constructor(properties?: gamecluster.v1.Pong.$Properties);
            $unknowns?: Uint8Array[];
            clientTimeMs: number;
            serverTimeMs: number;
            static encode(message: gamecluster.v1.Pong.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): gamecluster.v1.Pong & gamecluster.v1.Pong.$Shape;
        }

        namespace Pong {
            interface $Properties {
                clientTimeMs?: (number|null);
                serverTimeMs?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = gamecluster.v1.Pong.$Properties;
        }

        interface IKick extends gamecluster.v1.Kick.$Properties {
        }

        class Kick {
            constructor(properties?: gamecluster.v1.Kick.$Properties);
            $unknowns?: Uint8Array[];
            reason: gamecluster.v1.Kick.Reason;
            static encode(message: gamecluster.v1.Kick.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): gamecluster.v1.Kick & gamecluster.v1.Kick.$Shape;
        }

        namespace Kick {
            interface $Properties {
                reason?: (gamecluster.v1.Kick.Reason|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = gamecluster.v1.Kick.$Properties;

            enum Reason {
                REASON_UNSPECIFIED = 0,
                REASON_DUPLICATE_LOGIN = 1,
                REASON_SERVER_DRAINING = 2,
                REASON_PROTOCOL_ERROR = 3,
                REASON_IDLE = 4,
                REASON_GAME = 5
            }
        }

        interface IAccountCheck extends gamecluster.v1.AccountCheck.$Properties {
        }

        class AccountCheck {
            constructor(properties?: gamecluster.v1.AccountCheck.$Properties);
            $unknowns?: Uint8Array[];
            account: string;
            password: string;
            token: string;
            static encode(message: gamecluster.v1.AccountCheck.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): gamecluster.v1.AccountCheck & gamecluster.v1.AccountCheck.$Shape;
        }

        namespace AccountCheck {
            interface $Properties {
                account?: (string|null);
                password?: (string|null);
                token?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = gamecluster.v1.AccountCheck.$Properties;
        }

        interface IAccountCheckRs extends gamecluster.v1.AccountCheckRs.$Properties {
        }

        class AccountCheckRs {
            constructor(properties?: gamecluster.v1.AccountCheckRs.$Properties);
            $unknowns?: Uint8Array[];
            returnCode: gamecluster.v1.ReturnCode;
            playerId: string;
            static encode(message: gamecluster.v1.AccountCheckRs.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): gamecluster.v1.AccountCheckRs & gamecluster.v1.AccountCheckRs.$Shape;
        }

        namespace AccountCheckRs {
            interface $Properties {
                returnCode?: (gamecluster.v1.ReturnCode|null);
                playerId?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = gamecluster.v1.AccountCheckRs.$Properties;
        }

        interface IRoomSpec extends gamecluster.v1.RoomSpec.$Properties {
        }

        class RoomSpec {
            constructor(properties?: gamecluster.v1.RoomSpec.$Properties);
            $unknowns?: Uint8Array[];
            mode: string;
            maxPlayers: number;
            isPrivate: boolean;
            labels: { [k: string]: string };
            static encode(message: gamecluster.v1.RoomSpec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): gamecluster.v1.RoomSpec & gamecluster.v1.RoomSpec.$Shape;
        }

        namespace RoomSpec {
            interface $Properties {
                mode?: (string|null);
                maxPlayers?: (number|null);
                isPrivate?: (boolean|null);
                labels?: ({ [k: string]: string }|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = gamecluster.v1.RoomSpec.$Properties;
        }

        interface IRoomRequest extends gamecluster.v1.RoomRequest.$Properties {
        }

        class RoomRequest {
            constructor(properties?: gamecluster.v1.RoomRequest.$Properties);
            $unknowns?: Uint8Array[];
            create?: (gamecluster.v1.RoomSpec.$Properties|null);
            join?: (gamecluster.v1.RoomJoin.$Properties|null);
            find?: (gamecluster.v1.RoomSpec.$Properties|null);
            want?: ("create"|"join"|"find");
            static encode(message: gamecluster.v1.RoomRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): gamecluster.v1.RoomRequest & gamecluster.v1.RoomRequest.$Shape;
        }

        namespace RoomRequest {
            interface $Properties {
                create?: (gamecluster.v1.RoomSpec.$Properties|null);
                join?: (gamecluster.v1.RoomJoin.$Properties|null);
                find?: (gamecluster.v1.RoomSpec.$Properties|null);
                want?: ("create"|"join"|"find");
                $unknowns?: Uint8Array[];
            }
            type $Shape = {
              create?: gamecluster.v1.RoomSpec.$Shape|null;
              join?: gamecluster.v1.RoomJoin.$Shape|null;
              find?: gamecluster.v1.RoomSpec.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ want?: undefined; create?: null; join?: null; find?: null }|{ want?: "create"; create: gamecluster.v1.RoomSpec.$Shape; join?: null; find?: null }|{ want?: "join"; create?: null; join: gamecluster.v1.RoomJoin.$Shape; find?: null }|{ want?: "find"; create?: null; join?: null; find: gamecluster.v1.RoomSpec.$Shape })
            );
        }

        interface IRoomJoin extends gamecluster.v1.RoomJoin.$Properties {
        }

        class RoomJoin {
            constructor(properties?: gamecluster.v1.RoomJoin.$Properties);
            $unknowns?: Uint8Array[];
            roomId: string;
            static encode(message: gamecluster.v1.RoomJoin.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): gamecluster.v1.RoomJoin & gamecluster.v1.RoomJoin.$Shape;
        }

        namespace RoomJoin {
            interface $Properties {
                roomId?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = gamecluster.v1.RoomJoin.$Properties;
        }

        interface IEnterGame extends gamecluster.v1.EnterGame.$Properties {
        }

        class EnterGame {
            constructor(properties?: gamecluster.v1.EnterGame.$Properties);
            $unknowns?: Uint8Array[];
            room?: (gamecluster.v1.RoomRequest.$Properties|null);
            admission: string;
            static encode(message: gamecluster.v1.EnterGame.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): gamecluster.v1.EnterGame & gamecluster.v1.EnterGame.$Shape;
        }

        namespace EnterGame {
            interface $Properties {
                room?: (gamecluster.v1.RoomRequest.$Properties|null);
                admission?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = {
              room?: gamecluster.v1.RoomRequest.$Shape|null;
              admission?: string|null;
              $unknowns?: Uint8Array[];
            };
        }

        interface IEnterGameRs extends gamecluster.v1.EnterGameRs.$Properties {
        }

        class EnterGameRs {
            constructor(properties?: gamecluster.v1.EnterGameRs.$Properties);
            $unknowns?: Uint8Array[];
            returnCode: gamecluster.v1.ReturnCode;
            ip: string;
            port: number;
            token: string;
            roomId: string;
            static encode(message: gamecluster.v1.EnterGameRs.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): gamecluster.v1.EnterGameRs & gamecluster.v1.EnterGameRs.$Shape;
        }

        namespace EnterGameRs {
            interface $Properties {
                returnCode?: (gamecluster.v1.ReturnCode|null);
                ip?: (string|null);
                port?: (number|null);
                token?: (string|null);
                roomId?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = gamecluster.v1.EnterGameRs.$Properties;
        }

        interface ILoginByToken extends gamecluster.v1.LoginByToken.$Properties {
        }

        class LoginByToken {
            constructor(properties?: gamecluster.v1.LoginByToken.$Properties);
            $unknowns?: Uint8Array[];
            account: string;
            token: string;
            static encode(message: gamecluster.v1.LoginByToken.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): gamecluster.v1.LoginByToken & gamecluster.v1.LoginByToken.$Shape;
        }

        namespace LoginByToken {
            interface $Properties {
                account?: (string|null);
                token?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = gamecluster.v1.LoginByToken.$Properties;
        }

        interface ILoginByTokenRs extends gamecluster.v1.LoginByTokenRs.$Properties {
        }

        class LoginByTokenRs {
            constructor(properties?: gamecluster.v1.LoginByTokenRs.$Properties);
            $unknowns?: Uint8Array[];
            returnCode: gamecluster.v1.ReturnCode;
            playerId: string;
            resumeToken: string;
            roomId: string;
            static encode(message: gamecluster.v1.LoginByTokenRs.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): gamecluster.v1.LoginByTokenRs & gamecluster.v1.LoginByTokenRs.$Shape;
        }

        namespace LoginByTokenRs {
            interface $Properties {
                returnCode?: (gamecluster.v1.ReturnCode|null);
                playerId?: (string|null);
                resumeToken?: (string|null);
                roomId?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = gamecluster.v1.LoginByTokenRs.$Properties;
        }

        interface IResume extends gamecluster.v1.Resume.$Properties {
        }

        class Resume {
            constructor(properties?: gamecluster.v1.Resume.$Properties);
            $unknowns?: Uint8Array[];
            account: string;
            resumeToken: string;
            static encode(message: gamecluster.v1.Resume.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): gamecluster.v1.Resume & gamecluster.v1.Resume.$Shape;
        }

        namespace Resume {
            interface $Properties {
                account?: (string|null);
                resumeToken?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = gamecluster.v1.Resume.$Properties;
        }

        interface IResumeRs extends gamecluster.v1.ResumeRs.$Properties {
        }

        class ResumeRs {
            constructor(properties?: gamecluster.v1.ResumeRs.$Properties);
            $unknowns?: Uint8Array[];
            returnCode: gamecluster.v1.ReturnCode;
            resumeToken: string;
            static encode(message: gamecluster.v1.ResumeRs.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): gamecluster.v1.ResumeRs & gamecluster.v1.ResumeRs.$Shape;
        }

        namespace ResumeRs {
            interface $Properties {
                returnCode?: (gamecluster.v1.ReturnCode|null);
                resumeToken?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = gamecluster.v1.ResumeRs.$Properties;
        }

        interface ILeave extends gamecluster.v1.Leave.$Properties {
        }

        class Leave {
            constructor(properties?: gamecluster.v1.Leave.$Properties);
            $unknowns?: Uint8Array[];
            static encode(message: gamecluster.v1.Leave.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): gamecluster.v1.Leave & gamecluster.v1.Leave.$Shape;
        }

        namespace Leave {
            interface $Properties {
                $unknowns?: Uint8Array[];
            }
            type $Shape = gamecluster.v1.Leave.$Properties;
        }

        interface IEcho extends gamecluster.v1.Echo.$Properties {
        }

        class Echo {
            constructor(properties?: gamecluster.v1.Echo.$Properties);
            $unknowns?: Uint8Array[];
            payload: Uint8Array;
            clientTimeMs: number;
            static encode(message: gamecluster.v1.Echo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): gamecluster.v1.Echo & gamecluster.v1.Echo.$Shape;
        }

        namespace Echo {
            interface $Properties {
                payload?: (Uint8Array|null);
                clientTimeMs?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = gamecluster.v1.Echo.$Properties;
        }

        interface IAppInfo extends gamecluster.v1.AppInfo.$Properties {
        }

        class AppInfo {
            constructor(properties?: gamecluster.v1.AppInfo.$Properties);
            $unknowns?: Uint8Array[];
            appId: string;
            appType: gamecluster.v1.AppType;
            online: number;
            ip: string;
            port: number;
            state: gamecluster.v1.AppState;
            lastSeenMs: number;
            capacity: number;
            wsPort: number;
            runId: string;
            caps: string[];
            modes: gamecluster.v1.RoomMode.$Properties[];
            rooms: number;
            static encode(message: gamecluster.v1.AppInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): gamecluster.v1.AppInfo & gamecluster.v1.AppInfo.$Shape;
        }

        namespace AppInfo {
            interface $Properties {
                appId?: (string|null);
                appType?: (gamecluster.v1.AppType|null);
                online?: (number|null);
                ip?: (string|null);
                port?: (number|null);
                state?: (gamecluster.v1.AppState|null);
                lastSeenMs?: (number|null);
                capacity?: (number|null);
                wsPort?: (number|null);
                runId?: (string|null);
                caps?: (string[]|null);
                modes?: (gamecluster.v1.RoomMode.$Properties[]|null);
                rooms?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = gamecluster.v1.AppInfo.$Properties;
        }

        interface IGetLoginRequest extends gamecluster.v1.GetLoginRequest.$Properties {
        }

        class GetLoginRequest {
            constructor(properties?: gamecluster.v1.GetLoginRequest.$Properties);
            $unknowns?: Uint8Array[];
            static encode(message: gamecluster.v1.GetLoginRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): gamecluster.v1.GetLoginRequest & gamecluster.v1.GetLoginRequest.$Shape;
        }

        namespace GetLoginRequest {
            interface $Properties {
                $unknowns?: Uint8Array[];
            }
            type $Shape = gamecluster.v1.GetLoginRequest.$Properties;
        }

        interface IGetLoginResponse extends gamecluster.v1.GetLoginResponse.$Properties {
        }

        class GetLoginResponse {
            constructor(properties?: gamecluster.v1.GetLoginResponse.$Properties);
            $unknowns?: Uint8Array[];
            returnCode: gamecluster.v1.ReturnCode;
            appId: string;
            ip: string;
            port: number;
            wsPort: number;
            static encode(message: gamecluster.v1.GetLoginResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): gamecluster.v1.GetLoginResponse & gamecluster.v1.GetLoginResponse.$Shape;
        }

        namespace GetLoginResponse {
            interface $Properties {
                returnCode?: (gamecluster.v1.ReturnCode|null);
                appId?: (string|null);
                ip?: (string|null);
                port?: (number|null);
                wsPort?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = gamecluster.v1.GetLoginResponse.$Properties;
        }

        interface IAllocateGameRequest extends gamecluster.v1.AllocateGameRequest.$Properties {
        }

        class AllocateGameRequest {
            constructor(properties?: gamecluster.v1.AllocateGameRequest.$Properties);
            $unknowns?: Uint8Array[];
            account: string;
            websocket: boolean;
            room?: (gamecluster.v1.RoomRequest.$Properties|null);
            admission: string;
            static encode(message: gamecluster.v1.AllocateGameRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): gamecluster.v1.AllocateGameRequest & gamecluster.v1.AllocateGameRequest.$Shape;
        }

        namespace AllocateGameRequest {
            interface $Properties {
                account?: (string|null);
                websocket?: (boolean|null);
                room?: (gamecluster.v1.RoomRequest.$Properties|null);
                admission?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = {
              account?: string|null;
              websocket?: boolean|null;
              room?: gamecluster.v1.RoomRequest.$Shape|null;
              admission?: string|null;
              $unknowns?: Uint8Array[];
            };
        }

        interface IAllocateGameResponse extends gamecluster.v1.AllocateGameResponse.$Properties {
        }

        class AllocateGameResponse {
            constructor(properties?: gamecluster.v1.AllocateGameResponse.$Properties);
            $unknowns?: Uint8Array[];
            returnCode: gamecluster.v1.ReturnCode;
            appId: string;
            ip: string;
            port: number;
            wsPort: number;
            roomId: string;
            static encode(message: gamecluster.v1.AllocateGameResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): gamecluster.v1.AllocateGameResponse & gamecluster.v1.AllocateGameResponse.$Shape;
        }

        namespace AllocateGameResponse {
            interface $Properties {
                returnCode?: (gamecluster.v1.ReturnCode|null);
                appId?: (string|null);
                ip?: (string|null);
                port?: (number|null);
                wsPort?: (number|null);
                roomId?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = gamecluster.v1.AllocateGameResponse.$Properties;
        }

        interface IListAppsRequest extends gamecluster.v1.ListAppsRequest.$Properties {
        }

        class ListAppsRequest {
            constructor(properties?: gamecluster.v1.ListAppsRequest.$Properties);
            $unknowns?: Uint8Array[];
            appType: gamecluster.v1.AppType;
            static encode(message: gamecluster.v1.ListAppsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): gamecluster.v1.ListAppsRequest & gamecluster.v1.ListAppsRequest.$Shape;
        }

        namespace ListAppsRequest {
            interface $Properties {
                appType?: (gamecluster.v1.AppType|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = gamecluster.v1.ListAppsRequest.$Properties;
        }

        interface IListAppsResponse extends gamecluster.v1.ListAppsResponse.$Properties {
        }

        class ListAppsResponse {
            constructor(properties?: gamecluster.v1.ListAppsResponse.$Properties);
            $unknowns?: Uint8Array[];
            apps: gamecluster.v1.AppInfo.$Properties[];
            static encode(message: gamecluster.v1.ListAppsResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): gamecluster.v1.ListAppsResponse & gamecluster.v1.ListAppsResponse.$Shape;
        }

        namespace ListAppsResponse {
            interface $Properties {
                apps?: (gamecluster.v1.AppInfo.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = gamecluster.v1.ListAppsResponse.$Properties;
        }

        interface IDrainAppRequest extends gamecluster.v1.DrainAppRequest.$Properties {
        }

        class DrainAppRequest {
            constructor(properties?: gamecluster.v1.DrainAppRequest.$Properties);
            $unknowns?: Uint8Array[];
            appId: string;
            static encode(message: gamecluster.v1.DrainAppRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): gamecluster.v1.DrainAppRequest & gamecluster.v1.DrainAppRequest.$Shape;
        }

        namespace DrainAppRequest {
            interface $Properties {
                appId?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = gamecluster.v1.DrainAppRequest.$Properties;
        }

        interface IDrainAppResponse extends gamecluster.v1.DrainAppResponse.$Properties {
        }

        class DrainAppResponse {
            constructor(properties?: gamecluster.v1.DrainAppResponse.$Properties);
            $unknowns?: Uint8Array[];
            found: boolean;
            static encode(message: gamecluster.v1.DrainAppResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): gamecluster.v1.DrainAppResponse & gamecluster.v1.DrainAppResponse.$Shape;
        }

        namespace DrainAppResponse {
            interface $Properties {
                found?: (boolean|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = gamecluster.v1.DrainAppResponse.$Properties;
        }

        interface IUndrainAppRequest extends gamecluster.v1.UndrainAppRequest.$Properties {
        }

        class UndrainAppRequest {
            constructor(properties?: gamecluster.v1.UndrainAppRequest.$Properties);
            $unknowns?: Uint8Array[];
            appId: string;
            static encode(message: gamecluster.v1.UndrainAppRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): gamecluster.v1.UndrainAppRequest & gamecluster.v1.UndrainAppRequest.$Shape;
        }

        namespace UndrainAppRequest {
            interface $Properties {
                appId?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = gamecluster.v1.UndrainAppRequest.$Properties;
        }

        interface IUndrainAppResponse extends gamecluster.v1.UndrainAppResponse.$Properties {
        }

        class UndrainAppResponse {
            constructor(properties?: gamecluster.v1.UndrainAppResponse.$Properties);
            $unknowns?: Uint8Array[];
            found: boolean;
            static encode(message: gamecluster.v1.UndrainAppResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): gamecluster.v1.UndrainAppResponse & gamecluster.v1.UndrainAppResponse.$Shape;
        }

        namespace UndrainAppResponse {
            interface $Properties {
                found?: (boolean|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = gamecluster.v1.UndrainAppResponse.$Properties;
        }

        interface IRoomInfo extends gamecluster.v1.RoomInfo.$Properties {
        }

        class RoomInfo {
            constructor(properties?: gamecluster.v1.RoomInfo.$Properties);
            $unknowns?: Uint8Array[];
            roomId: string;
            appId: string;
            mode: string;
            players: number;
            reserved: number;
            maxPlayers: number;
            isPrivate: boolean;
            locked: boolean;
            labels: { [k: string]: string };
            createdAtMs: number;
            static encode(message: gamecluster.v1.RoomInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): gamecluster.v1.RoomInfo & gamecluster.v1.RoomInfo.$Shape;
        }

        namespace RoomInfo {
            interface $Properties {
                roomId?: (string|null);
                appId?: (string|null);
                mode?: (string|null);
                players?: (number|null);
                reserved?: (number|null);
                maxPlayers?: (number|null);
                isPrivate?: (boolean|null);
                locked?: (boolean|null);
                labels?: ({ [k: string]: string }|null);
                createdAtMs?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = gamecluster.v1.RoomInfo.$Properties;
        }

        interface ISeat extends gamecluster.v1.Seat.$Properties {
        }

        class Seat {
            constructor(properties?: gamecluster.v1.Seat.$Properties);
            $unknowns?: Uint8Array[];
            account: string;
            token: string;
            static encode(message: gamecluster.v1.Seat.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): gamecluster.v1.Seat & gamecluster.v1.Seat.$Shape;
        }

        namespace Seat {
            interface $Properties {
                account?: (string|null);
                token?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = gamecluster.v1.Seat.$Properties;
        }

        interface IMatchPlayer extends gamecluster.v1.MatchPlayer.$Properties {
        }

        class MatchPlayer {
            constructor(properties?: gamecluster.v1.MatchPlayer.$Properties);
            $unknowns?: Uint8Array[];
            account: string;
            team: string;
            data: { [k: string]: string };
            static encode(message: gamecluster.v1.MatchPlayer.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): gamecluster.v1.MatchPlayer & gamecluster.v1.MatchPlayer.$Shape;
        }

        namespace MatchPlayer {
            interface $Properties {
                account?: (string|null);
                team?: (string|null);
                data?: ({ [k: string]: string }|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = gamecluster.v1.MatchPlayer.$Properties;
        }

        interface IAllocateMatchRequest extends gamecluster.v1.AllocateMatchRequest.$Properties {
        }

        class AllocateMatchRequest {
            constructor(properties?: gamecluster.v1.AllocateMatchRequest.$Properties);
            $unknowns?: Uint8Array[];
            matchId: string;
            players: gamecluster.v1.MatchPlayer.$Properties[];
            room?: (gamecluster.v1.RoomSpec.$Properties|null);
            websocket: boolean;
            seatTtlMs: number;
            static encode(message: gamecluster.v1.AllocateMatchRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): gamecluster.v1.AllocateMatchRequest & gamecluster.v1.AllocateMatchRequest.$Shape;
        }

        namespace AllocateMatchRequest {
            interface $Properties {
                matchId?: (string|null);
                players?: (gamecluster.v1.MatchPlayer.$Properties[]|null);
                room?: (gamecluster.v1.RoomSpec.$Properties|null);
                websocket?: (boolean|null);
                seatTtlMs?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = gamecluster.v1.AllocateMatchRequest.$Properties;
        }

        interface IAllocateMatchResponse extends gamecluster.v1.AllocateMatchResponse.$Properties {
        }

        class AllocateMatchResponse {
            constructor(properties?: gamecluster.v1.AllocateMatchResponse.$Properties);
            $unknowns?: Uint8Array[];
            returnCode: gamecluster.v1.ReturnCode;
            roomId: string;
            appId: string;
            ip: string;
            port: number;
            wsPort: number;
            seats: gamecluster.v1.Seat.$Properties[];
            expiresInMs: number;
            static encode(message: gamecluster.v1.AllocateMatchResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): gamecluster.v1.AllocateMatchResponse & gamecluster.v1.AllocateMatchResponse.$Shape;
        }

        namespace AllocateMatchResponse {
            interface $Properties {
                returnCode?: (gamecluster.v1.ReturnCode|null);
                roomId?: (string|null);
                appId?: (string|null);
                ip?: (string|null);
                port?: (number|null);
                wsPort?: (number|null);
                seats?: (gamecluster.v1.Seat.$Properties[]|null);
                expiresInMs?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = gamecluster.v1.AllocateMatchResponse.$Properties;
        }

        interface IReserveSeatsRequest extends gamecluster.v1.ReserveSeatsRequest.$Properties {
        }

        class ReserveSeatsRequest {
            constructor(properties?: gamecluster.v1.ReserveSeatsRequest.$Properties);
            $unknowns?: Uint8Array[];
            roomId: string;
            players: gamecluster.v1.MatchPlayer.$Properties[];
            requestId: string;
            websocket: boolean;
            seatTtlMs: number;
            static encode(message: gamecluster.v1.ReserveSeatsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): gamecluster.v1.ReserveSeatsRequest & gamecluster.v1.ReserveSeatsRequest.$Shape;
        }

        namespace ReserveSeatsRequest {
            interface $Properties {
                roomId?: (string|null);
                players?: (gamecluster.v1.MatchPlayer.$Properties[]|null);
                requestId?: (string|null);
                websocket?: (boolean|null);
                seatTtlMs?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = gamecluster.v1.ReserveSeatsRequest.$Properties;
        }

        interface IReserveSeatsResponse extends gamecluster.v1.ReserveSeatsResponse.$Properties {
        }

        class ReserveSeatsResponse {
            constructor(properties?: gamecluster.v1.ReserveSeatsResponse.$Properties);
            $unknowns?: Uint8Array[];
            returnCode: gamecluster.v1.ReturnCode;
            roomId: string;
            appId: string;
            ip: string;
            port: number;
            wsPort: number;
            seats: gamecluster.v1.Seat.$Properties[];
            expiresInMs: number;
            static encode(message: gamecluster.v1.ReserveSeatsResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): gamecluster.v1.ReserveSeatsResponse & gamecluster.v1.ReserveSeatsResponse.$Shape;
        }

        namespace ReserveSeatsResponse {
            interface $Properties {
                returnCode?: (gamecluster.v1.ReturnCode|null);
                roomId?: (string|null);
                appId?: (string|null);
                ip?: (string|null);
                port?: (number|null);
                wsPort?: (number|null);
                seats?: (gamecluster.v1.Seat.$Properties[]|null);
                expiresInMs?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = gamecluster.v1.ReserveSeatsResponse.$Properties;
        }

        interface IListRoomsRequest extends gamecluster.v1.ListRoomsRequest.$Properties {
        }

        class ListRoomsRequest {
            constructor(properties?: gamecluster.v1.ListRoomsRequest.$Properties);
            $unknowns?: Uint8Array[];
            mode: string;
            labels: { [k: string]: string };
            includePrivate: boolean;
            limit: number;
            static encode(message: gamecluster.v1.ListRoomsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): gamecluster.v1.ListRoomsRequest & gamecluster.v1.ListRoomsRequest.$Shape;
        }

        namespace ListRoomsRequest {
            interface $Properties {
                mode?: (string|null);
                labels?: ({ [k: string]: string }|null);
                includePrivate?: (boolean|null);
                limit?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = gamecluster.v1.ListRoomsRequest.$Properties;
        }

        interface IAllocateGamesRequest extends gamecluster.v1.AllocateGamesRequest.$Properties {
        }

        class AllocateGamesRequest {
            constructor(properties?: gamecluster.v1.AllocateGamesRequest.$Properties);
            $unknowns?: Uint8Array[];
            requests: gamecluster.v1.AllocateGameRequest.$Properties[];
            static encode(message: gamecluster.v1.AllocateGamesRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): gamecluster.v1.AllocateGamesRequest & gamecluster.v1.AllocateGamesRequest.$Shape;
        }

        namespace AllocateGamesRequest {
            interface $Properties {
                requests?: (gamecluster.v1.AllocateGameRequest.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = {
              requests?: gamecluster.v1.AllocateGameRequest.$Shape[]|null;
              $unknowns?: Uint8Array[];
            };
        }

        interface IAllocateGamesResponse extends gamecluster.v1.AllocateGamesResponse.$Properties {
        }

        class AllocateGamesResponse {
            constructor(properties?: gamecluster.v1.AllocateGamesResponse.$Properties);
            $unknowns?: Uint8Array[];
            responses: gamecluster.v1.AllocateGameResponse.$Properties[];
            static encode(message: gamecluster.v1.AllocateGamesResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): gamecluster.v1.AllocateGamesResponse & gamecluster.v1.AllocateGamesResponse.$Shape;
        }

        namespace AllocateGamesResponse {
            interface $Properties {
                responses?: (gamecluster.v1.AllocateGameResponse.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = gamecluster.v1.AllocateGamesResponse.$Properties;
        }

        interface IListRoomsResponse extends gamecluster.v1.ListRoomsResponse.$Properties {
        }

        class ListRoomsResponse {
            constructor(properties?: gamecluster.v1.ListRoomsResponse.$Properties);
            $unknowns?: Uint8Array[];
            rooms: gamecluster.v1.RoomInfo.$Properties[];
            static encode(message: gamecluster.v1.ListRoomsResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): gamecluster.v1.ListRoomsResponse & gamecluster.v1.ListRoomsResponse.$Shape;
        }

        namespace ListRoomsResponse {
            interface $Properties {
                rooms?: (gamecluster.v1.RoomInfo.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = gamecluster.v1.ListRoomsResponse.$Properties;
        }
    }
}
