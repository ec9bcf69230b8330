// Original file: proto/gamecluster/v1/gamecluster.proto


export interface GetLoginRequest {
}

export interface GetLoginRequest__Output {
}
